using System.Runtime.CompilerServices;
using GraphQL.Types;

namespace ProductQuality.Graph.Infrastructure.Http.Limits;

/// <summary>
/// How many objects an introspection list returns in the caller's own schema, for the cost estimate: every type for
/// <c>__Schema.types</c>, and per type or field the schema's mean (its fields, arguments, enum values, …), so a walk of
/// every type is priced by the schema's real size. Priced at one row per list whatever its size, 199 aliases of
/// <c>types { fields { args } … }</c> inside one <c>__schema</c> answered 19.6 MB for an estimate of 996 (the probe).
/// </summary>
internal sealed class IntrospectionSizes
{
    /// <summary>
    /// Introspection objects per row of the estimate: they are read from memory, not the database, but each is
    /// written out with its description. Measured on the regulator's schema, one walk of every type with its
    /// fields, arguments, field types and enum values (1,204 objects, 98 KB) took 5.4 ms, about 4.5 µs an object:
    /// a third of the estimate's row (15 µs).
    /// </summary>
    public const double ObjectsPerRow = 4;

    private static readonly ConditionalWeakTable<ISchema, IntrospectionSizes> Known = new();

    private readonly Dictionary<string, double> _lists;

    private IntrospectionSizes(ISchema schema)
    {
        var types = schema.AllTypes.ToList();
        var complex = types.OfType<IComplexGraphType>().Where(t => t is not IInputObjectGraphType).ToList();
        double count = Math.Max(1, types.Count);
        double fields = complex.Sum(t => t.Fields.Count);
        double arguments = complex.Sum(t => t.Fields.Sum(f => f.Arguments?.Count ?? 0));
        double directives = Math.Max(1, schema.Directives.Count);
        _lists = new(StringComparer.Ordinal)
        {
            ["__Schema.types"] = types.Count,
            ["__Schema.directives"] = schema.Directives.Count,
            ["__Type.fields"] = fields / count,
            ["__Type.inputFields"] = types.OfType<IInputObjectGraphType>().Sum(t => t.Fields.Count) / count,
            ["__Type.enumValues"] = types.OfType<EnumerationGraphType>().Sum(t => t.Values.Count) / count,
            ["__Type.interfaces"] = types.OfType<IObjectGraphType>().Sum(t => t.ResolvedInterfaces.Count) / count,
            ["__Type.possibleTypes"] = types.OfType<IAbstractGraphType>().Sum(t => t.PossibleTypes.Count) / count,
            ["__Field.args"] = arguments / Math.Max(1, fields),
            ["__Directive.args"] = schema.Directives.Sum(d => d.Arguments?.Count ?? 0) / directives,
        };
    }

    public static IntrospectionSizes Of(ISchema schema) => Known.GetValue(schema, static s => new(s));

    /// <summary>The objects a field of an introspection type returns: its list's size, or one object.</summary>
    public double Objects(string type, string field) => _lists.GetValueOrDefault($"{type}.{field}", 1);
}
