namespace ProductQuality.Graph.Access;

/// <summary>
/// What one audience (a department, or the public) may read: an access level per field group. A schema is
/// built per contract, so fields outside it do not exist for that audience at all.
/// </summary>
public sealed class SchemaContract(string name, IReadOnlyDictionary<FieldGroup, FieldAccess> groups)
{
    /// <summary>The regulator's view: every group in full. Used for schema/schema.graphql.</summary>
    public static SchemaContract Full { get; } = new(
        "full", Enum.GetValues<FieldGroup>().ToDictionary(g => g, _ => FieldAccess.Full));

    public string Name { get; } = name;

    /// <summary>Deny by default: a group the policy does not mention is hidden.</summary>
    public FieldAccess AccessTo(FieldGroup group) =>
        group == FieldGroup.Structure ? FieldAccess.Full : groups.GetValueOrDefault(group, FieldAccess.Hidden);

    public bool Sees(FieldGroup group) => AccessTo(group) != FieldAccess.Hidden;
}
