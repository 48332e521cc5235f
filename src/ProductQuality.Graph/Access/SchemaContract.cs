namespace ProductQuality.Graph.Access;

/// <summary>
/// A contract: what its audiences (the departments that use it, or the public) may read, an access level per field
/// group. A schema is built per contract, so fields outside it do not exist for those audiences at all.
/// </summary>
public sealed class SchemaContract(string name, IReadOnlyDictionary<FieldGroup, FieldAccess> groups)
{
    /// <summary>The regulator's view: every group in full. Used for schema/schema.graphql.</summary>
    public static SchemaContract Full { get; } = new(
        "full", Enum.GetValues<FieldGroup>().ToDictionary(g => g, _ => FieldAccess.Full));

    public string Name { get; } = name;

    /// <summary>
    /// The contract of one enterprise reading about itself (<see cref="AccessPolicy.EnterpriseContract"/>): its
    /// schema has only its own tracker and its own status, whatever its field groups allow elsewhere.
    /// </summary>
    public bool IsEnterpriseSelf => Name == AccessPolicy.EnterpriseContract;

    public IReadOnlyDictionary<FieldGroup, FieldAccess> Groups { get; } = groups;

    /// <summary>Deny by default: a group the policy does not mention is hidden.</summary>
    public FieldAccess AccessTo(FieldGroup group) =>
        group == FieldGroup.Structure ? FieldAccess.Full : Groups.GetValueOrDefault(group, FieldAccess.Hidden);

    /// <summary>Whether the group is visible at all (filters, order values and arguments use this).</summary>
    public bool Sees(FieldGroup group) => AccessTo(group) is FieldAccess.Full or FieldAccess.Masked;

    /// <summary>Whether a field exists in this contract, given how it is declared.</summary>
    public bool Shows(FieldGroup group, bool published, MaskKind mask) => AccessTo(group) switch
    {
        FieldAccess.Full => true,
        FieldAccess.Masked => mask != MaskKind.None,
        FieldAccess.Limited => published,
        _ => false,
    };
}
