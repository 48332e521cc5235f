using GraphQL.Resolvers;
using GraphQL.Types;
using ProductQuality.Graph.Access;

namespace ProductQuality.Graph.Schema;

/// <summary>
/// Wraps the resolver of every field the contract shows masked, once, when the schema is built — one place,
/// so no resolver can forget to mask.
/// </summary>
internal static class MaskingApplier
{
    public static void Apply(ISchema schema)
    {
        foreach (var field in schema.AllTypes.OfType<IObjectGraphType>().SelectMany(t => t.Fields))
        {
            if (field.Metadata.TryGetValue(FieldMetadataKeys.Mask, out var value) && value is MaskKind kind
                && field.Resolver is { } inner)
            {
                field.Resolver = new FuncFieldResolver<object?>(async context =>
                    Masking.Apply(kind, (string?)await inner.ResolveAsync(context)));
            }
        }
    }
}
