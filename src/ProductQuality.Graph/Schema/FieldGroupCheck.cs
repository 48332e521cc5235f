using GraphQL.Types;

namespace ProductQuality.Graph.Schema;

/// <summary>Deny by default, enforced at start: a field declared without a field group is a start-up error.</summary>
internal static class FieldGroupCheck
{
    public static void EnsureEveryFieldHasAGroup(ISchema schema)
    {
        // Input fields too: a generated input type (WriteInputType) must not slip a field past the policy.
        var ungrouped = schema.AllTypes
            .OfType<IComplexGraphType>()
            .Where(t => t is IObjectGraphType or IInputObjectGraphType)
            .Where(t => !t.Name.StartsWith("__", StringComparison.Ordinal) && !IsRelayPlumbing(t))
            .SelectMany(t => t.Fields.Where(f => !f.Metadata.ContainsKey(FieldMetadataKeys.Group))
                .Select(f => $"{t.Name}.{f.Name}"))
            .ToList();
        if (ungrouped.Count > 0)
        {
            throw new InvalidOperationException(
                "Every field must declare its field group (ACCESS.md); these do not: " + string.Join(", ", ungrouped));
        }
    }

    // Connection, edge and page-info types carry no data of their own: what they expose is the node type's fields.
    private static bool IsRelayPlumbing(IGraphType type) =>
        type.GetType().Namespace is "GraphQL.Types.Relay" or "ProductQuality.Graph.Schema.Paging";
}
