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
    private readonly Dictionary<string, (double Aliases, double Fields)> _totals = new(StringComparer.Ordinal);
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
        double operations = 0, aliases = 0, fields = 0;
        foreach (var operation in document.Definitions.OfType<GraphQLOperationDefinition>())
        {
            operations++;
            var (a, f) = counter.CountSet(operation.SelectionSet);
            aliases += a;
            fields += f;
        }

        foreach (var name in counter._fragments.Keys.Where(n => !counter._totals.ContainsKey(n)).ToList())
        {
            var (a, f) = counter.Fragment(name);
            aliases += a;
            fields += f;
        }

        return new DocumentCounts(Saturated(operations), Saturated(aliases), Saturated(fields));
    }

    // Doubles: nested fragments spread twice per level grow exponentially; the totals only need to exceed a limit.
    private (double Aliases, double Fields) CountSet(GraphQLSelectionSet? set)
    {
        double aliases = 0, fields = 0;
        foreach (var selection in set?.Selections ?? [])
        {
            var (a, f) = selection switch
            {
                GraphQLField field => Add(CountSet(field.SelectionSet), field.Alias is null ? 0 : 1, 1),
                GraphQLInlineFragment inline => CountSet(inline.SelectionSet),
                GraphQLFragmentSpread spread => Fragment(spread.FragmentName.Name.StringValue),
                _ => (0, 0),
            };
            aliases += a;
            fields += f;
        }

        return (aliases, fields);
    }

    private (double Aliases, double Fields) Fragment(string name)
    {
        if (_totals.TryGetValue(name, out var known))
        {
            return known;
        }

        if (!_fragments.TryGetValue(name, out var fragment) || !_inProgress.Add(name))
        {
            return (0, 0);
        }

        var totals = CountSet(fragment.SelectionSet);
        _inProgress.Remove(name);
        _totals[name] = totals;
        return totals;
    }

    private static (double, double) Add((double Aliases, double Fields) inner, double aliases, double fields) =>
        (inner.Aliases + aliases, inner.Fields + fields);

    private static long Saturated(double value) => value >= long.MaxValue ? long.MaxValue : (long)value;
}
