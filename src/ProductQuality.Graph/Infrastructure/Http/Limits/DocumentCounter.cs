using GraphQLParser.AST;

namespace ProductQuality.Graph.Infrastructure.Http.Limits;

/// <summary>
/// Counts a document in one linear walk, before GraphQL.NET validates it: validation (the overlapping-fields rule
/// above all) grows with the square of the fields, so a document too large must be refused before, not by, it.
/// A fragment is counted once and its totals reused at every spread; a fragment cycle counts nothing (validation
/// reports it); fragments no operation spreads still count once, because validation checks them too.
/// </summary>
internal sealed class DocumentCounter
{
    private readonly Dictionary<string, GraphQLFragmentDefinition> _fragments = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Totals> _totals = new(StringComparer.Ordinal);
    private readonly HashSet<string> _inProgress = new(StringComparer.Ordinal);

    private DocumentCounter(GraphQLDocument document)
    {
        foreach (var fragment in document.Definitions.OfType<GraphQLFragmentDefinition>())
        {
            _fragments.TryAdd(fragment.FragmentName.Name.StringValue, fragment);
        }
    }

    public static DocumentCounts Count(GraphQLDocument document)
    {
        var counter = new DocumentCounter(document);
        double operations = 0;
        var totals = default(Totals);
        foreach (var operation in document.Definitions.OfType<GraphQLOperationDefinition>())
        {
            operations++;
            totals += counter.CountSet(operation.SelectionSet);
        }

        foreach (var name in counter._fragments.Keys.Where(n => !counter._totals.ContainsKey(n)).ToList())
        {
            totals += counter.Fragment(name);
        }

        return new DocumentCounts(Saturated(operations), Saturated(totals.Aliases), Saturated(totals.Fields),
            Saturated(totals.Introspections));
    }

    // Doubles: nested fragments spread twice per level grow exponentially; the totals only need to exceed a limit.
    private Totals CountSet(GraphQLSelectionSet? set)
    {
        var totals = default(Totals);
        foreach (var selection in set?.Selections ?? [])
        {
            totals += selection switch
            {
                GraphQLField field => CountSet(field.SelectionSet) + new Totals(field.Alias is null ? 0 : 1, 1,
                    field.Name.StringValue is "__schema" or "__type" ? 1 : 0),
                GraphQLInlineFragment inline => CountSet(inline.SelectionSet),
                GraphQLFragmentSpread spread => Fragment(spread.FragmentName.Name.StringValue),
                _ => default,
            };
        }

        return totals;
    }

    private Totals Fragment(string name)
    {
        if (_totals.TryGetValue(name, out var known))
        {
            return known;
        }

        if (!_fragments.TryGetValue(name, out var fragment) || !_inProgress.Add(name))
        {
            return default;
        }

        var totals = CountSet(fragment.SelectionSet);
        _inProgress.Remove(name);
        _totals[name] = totals;
        return totals;
    }

    // The introspection fields (__schema, __type) are counted apart: their lists are the schema's, not rows.
    private readonly record struct Totals(double Aliases, double Fields, double Introspections)
    {
        public static Totals operator +(Totals a, Totals b) =>
            new(a.Aliases + b.Aliases, a.Fields + b.Fields, a.Introspections + b.Introspections);
    }

    private static long Saturated(double value) => value >= long.MaxValue ? long.MaxValue : (long)value;
}
