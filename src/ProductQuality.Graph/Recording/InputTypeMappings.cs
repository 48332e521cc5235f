using GraphQL;
using GraphQL.Types;
using ProductQuality.Graph.Inspections;
using ProductQuality.Graph.Schema.Enums;

namespace ProductQuality.Graph.Recording;

/// <summary>
/// The graph types that CLR types in generated input types (<see cref="WriteInputType{TInput}"/>) stand for:
/// each enum's described type (not a generated one without descriptions), our Decimal, and nested input records.
/// </summary>
internal static class InputTypeMappings
{
    private static readonly (Type Clr, Type Graph)[] Mappings = typeof(InputTypeMappings).Assembly.GetTypes()
        .Where(t => !t.IsAbstract && t.BaseType is { IsGenericType: true } b
            && b.GetGenericTypeDefinition() == typeof(DescribedEnumType<>))
        .Select(t => (t.BaseType!.GetGenericArguments()[0], t))
        .Append((typeof(decimal), typeof(Schema.DecimalScalar)))
        .Append((typeof(FailedItemInput), typeof(WriteInputType<FailedItemInput>)))
        .ToArray();

    public static void Register(ISchema schema)
    {
        foreach (var (clr, graph) in Mappings)
        {
            schema.RegisterTypeMapping(clr, graph);
        }
    }
}
