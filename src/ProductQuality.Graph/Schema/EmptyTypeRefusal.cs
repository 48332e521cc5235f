using System.Text.RegularExpressions;
using GraphQL;
using GraphQL.Types;
using ProductQuality.Graph.Access;

namespace ProductQuality.Graph.Schema;

/// <summary>
/// A contract whose groups hide every field of a type while a field it shows still returns that type cannot be a
/// schema: GraphQL.NET refuses an object type without fields ("An Object type 'Inspection' must define one or more
/// fields"), and that refusal crashed the start with a stack trace (exit 134; the fuzz probe: regulator with
/// Inspections Hidden, drc with Write Full). It is the contract's setting: said in a sentence naming it, the type
/// left empty, the group that would fill it and the groups whose fields return it.
/// </summary>
internal static partial class EmptyTypeRefusal
{
    /// <summary>The types a schema's build refused as empty; none when it failed for anything else.</summary>
    public static List<string> TypesIn(Exception e) => e switch
    {
        AggregateException many when many.InnerExceptions.All(i => TypesIn(i).Count > 0) =>
            [.. many.InnerExceptions.SelectMany(TypesIn).Distinct(StringComparer.Ordinal)],
        InvalidOperationException { Message: var m } when Empty().Match(m) is { Success: true } match =>
            [match.Groups["type"].Value],
        _ => [],
    };

    /// <summary>One sentence per empty type, explained from the full schema (every field, with its group).</summary>
    public static IEnumerable<string> Sentences(SchemaContract contract, IReadOnlyList<string> types, ISchema full)
    {
        ArgumentNullException.ThrowIfNull(contract);
        ArgumentNullException.ThrowIfNull(types);
        ArgumentNullException.ThrowIfNull(full);
        var reachable = Reachable(contract, full);
        foreach (var type in types)
        {
            var show = (full.AllTypes[type] as IComplexGraphType)?.Fields
                .Where(f => !Shows(contract, f)).Select(GroupOf).Where(g => g != FieldGroup.Structure)
                .Distinct().Order().ToList() ?? [];
            var returning = Returning(contract, reachable, type, []).Distinct().ToList();
            var hide = returning.Select(r => r.Group).Distinct().Order().ToList();
            var fields = returning.Select(r => r.Field).Order(StringComparer.Ordinal).ToList();
            var named = fields.Count <= 3 ? Joined(fields, " and ")
                : $"{string.Join(", ", fields.Take(3))} and {fields.Count - 3} more";
            var setting = $"Setting Access:Contracts:{contract.Name}:Groups";
            var filled = show.Count == 0 ? "" : $" (its fields are in {Joined(show, " and ")})";
            var remedy = (show.Count, hide.Count) switch
            {
                (> 0, > 0) => $"give {Joined(show, " or ")} Full, or hide {Joined(hide, " and ")}",
                (> 0, _) => $"give {Joined(show, " or ")} Full",
                (_, > 0) => $"hide {Joined(hide, " and ")}",
                _ => "change the groups so that a field of it is shown, or none returns it",
            };
            yield return hide.Count > 0
                ? $"{setting} leaves type {type} with no field to show{filled}, while {named} still " +
                    $"{(fields.Count == 1 ? "returns" : "return")} it: {remedy}."
                : $"{setting} leaves type {type} with no field to show{filled}: {remedy}.";
        }
    }

    /// <summary>
    /// The fields the contract shows that return the type, with their groups. A connection's plumbing (edges, node:
    /// no group of its own) stands for the fields that return the connection.
    /// </summary>
    private static IEnumerable<(string Field, FieldGroup Group)> Returning(SchemaContract contract,
        HashSet<IGraphType> reachable, string type, HashSet<string> seen)
    {
        if (!seen.Add(type))
        {
            yield break;
        }

        foreach (var parent in reachable.OfType<IComplexGraphType>().Where(t => t is not IInputObjectGraphType))
        {
            foreach (var field in parent.Fields
                .Where(f => f.ResolvedType?.GetNamedType().Name == type && Shows(contract, f)))
            {
                if (GroupOf(field) != FieldGroup.Structure)
                {
                    yield return ($"{parent.Name}.{field.Name}", GroupOf(field));
                    continue;
                }

                foreach (var outer in Returning(contract, reachable, parent.Name, seen))
                {
                    yield return outer;
                }
            }
        }
    }

    /// <summary>The output types the contract's schema would reach from its roots through the fields it shows.
    /// </summary>
    private static HashSet<IGraphType> Reachable(SchemaContract contract, ISchema full)
    {
        var roots = new IGraphType?[]
        {
            full.Query, contract.Sees(FieldGroup.Write) ? full.Mutation : null, full.Subscription,
        };
        var reached = new HashSet<IGraphType>();
        var pending = new Stack<IGraphType>(roots.OfType<IGraphType>());
        while (pending.TryPop(out var type))
        {
            if (!reached.Add(type))
            {
                continue;
            }

            var next = type switch
            {
                IAbstractGraphType a => a.PossibleTypes.Cast<IGraphType>(),
                IObjectGraphType o => o.Fields.Where(f => Shows(contract, f))
                    .Select(f => f.ResolvedType?.GetNamedType()),
                _ => [],
            };
            foreach (var t in next.OfType<IGraphType>())
            {
                pending.Push(t);
            }
        }

        return reached;
    }

    private static bool Shows(SchemaContract contract, FieldType field) => contract.Shows(GroupOf(field),
        field.Metadata.TryGetValue(FieldMetadataKeys.Published, out var p) && p is true,
        field.Metadata.TryGetValue(FieldMetadataKeys.DeclaredMask, out var m) && m is MaskKind mask
            ? mask : MaskKind.None);

    // Relay plumbing declares no group: it is shown wherever its node type is.
    private static FieldGroup GroupOf(FieldType field) =>
        field.Metadata.TryGetValue(FieldMetadataKeys.Group, out var g) && g is FieldGroup group
            ? group : FieldGroup.Structure;

    private static string Joined<T>(IReadOnlyList<T> items, string last) => items.Count <= 1
        ? string.Join("", items)
        : $"{string.Join(", ", items.Take(items.Count - 1))}{last}{items[^1]}";

    [GeneratedRegex(@"^An? [A-Za-z ]+ type '(?<type>[^']+)' must define one or more fields\.")]
    private static partial Regex Empty();
}
