using ProductQuality.Graph.Access;
using ProductQuality.Graph.Rules.Common;

namespace ProductQuality.Graph.Changes;

/// <summary>
/// Which field group each kind of change belongs to — the group of the field whose value it carries — and so which
/// kinds a contract's feed holds: a kind whose group the contract cannot see is not in its schema's
/// <c>ChangeKind</c> enum and never in its feed.
/// </summary>
public static class ChangeKinds
{
    public static IReadOnlyList<ChangeKind> All { get; } = Enum.GetValues<ChangeKind>();

    public static FieldGroup GroupOf(ChangeKind kind) => FactGroupAccess.FieldGroupOf(FactOf(kind));

    /// <summary>The kind of fact the change states, for the tags of its reason.</summary>
    public static FactGroup FactOf(ChangeKind kind) => kind switch
    {
        ChangeKind.Class => FactGroup.Class,
        ChangeKind.HealthCode or ChangeKind.QualityIndex => FactGroup.Health,
        // The colour is class × highest product tier: it states a tier (see Enterprise.mapColour).
        ChangeKind.MapColour => FactGroup.ProductTiers,
        ChangeKind.Blacklist => FactGroup.BlacklistStatus,
        ChangeKind.Assured => FactGroup.Assured,
        ChangeKind.ProductTier => FactGroup.ProductTiers,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>The kinds the contract may read, in declaration order.</summary>
    public static IReadOnlyList<ChangeKind> ReadableBy(SchemaContract contract)
    {
        ArgumentNullException.ThrowIfNull(contract);
        return All.Where(k => contract.Sees(GroupOf(k))).ToArray();
    }

    /// <summary>The enum value as the schema names it: HEALTH_CODE.</summary>
    public static string SchemaName(ChangeKind kind) => kind switch
    {
        ChangeKind.HealthCode => "HEALTH_CODE",
        ChangeKind.MapColour => "MAP_COLOUR",
        ChangeKind.QualityIndex => "QUALITY_INDEX",
        ChangeKind.ProductTier => "PRODUCT_TIER",
        _ => kind.ToString().ToUpperInvariant(),
    };

    /// <summary>What a reader without any part of the stored reason reads.</summary>
    public static string NeutralReason(ChangeKind kind, string newValue) => kind switch
    {
        ChangeKind.Blacklist => newValue == ChangeValues.Listed
            ? "Listed on the blacklist (列入黑名单)"
            : "Removed from the blacklist (移出黑名单)",
        ChangeKind.Assured => $"Assured consumption unit (放心消费单位) {newValue.ToLowerInvariant()}",
        ChangeKind.ProductTier => "re-graded (重新分级)",
        _ => "re-evaluated (重新评定)",
    };
}
