using GraphQL.Types;
using ProductQuality.Graph.Access;

namespace ProductQuality.Graph.Changes;

/// <summary>
/// The kinds of change, per contract: a kind the contract may not read is not a value of its enum, so asking for it
/// fails validation exactly as a misspelt value does (a contract's schema is its contract), and no feed holds it.
/// </summary>
public sealed class ChangeKindType : EnumerationGraphType
{
    private static readonly Dictionary<ChangeKind, string> Descriptions = new()
    {
        [ChangeKind.Class] = "Enterprise class (企业分类): AA, A, B, C.",
        [ChangeKind.HealthCode] = "Health code (健康码): GREEN, BLUE, YELLOW, RED.",
        [ChangeKind.MapColour] = "Colour on the four-colour map (四色图): GREEN, BLUE, YELLOW, RED.",
        [ChangeKind.QualityIndex] = "Quality safety index (产品质量安全指数), 0–100.",
        // A first event's oldValue: NOT_LISTED is a standing of its own, while the assured title has no value for
        // "never granted" (a follower asked why one kind said NOT_LISTED and the other null).
        [ChangeKind.Blacklist] = "Listing on (LISTED) or removal from (NOT_LISTED) the blacklist (黑名单); a first "
            + "listing's oldValue is NOT_LISTED.",
        [ChangeKind.Assured] = "Assured consumption unit (放心消费单位): GRANTED (with validUntil), REVOKED, EXPIRED; "
            + "a first grant's oldValue is null (never granted).",
        [ChangeKind.ProductTier] = "A product's risk tier (产品分级): HIGH, ELEVATED, GENERAL.",
    };

    public ChangeKindType(SchemaContract contract)
    {
        Name = "ChangeKind";
        Description = "What a change event (变更事件) changed; the values are the kinds your contract may read.";
        foreach (var kind in ChangeKinds.ReadableBy(contract))
        {
            Add(ChangeKinds.SchemaName(kind), kind, Descriptions[kind]);
        }
    }

    /// <summary>A name that is none of this type's values is refused saying which are.</summary>
    public override object? ParseValue(object? value) => Schema.Enums.EnumInput.Parse(this, value, base.ParseValue);
}
