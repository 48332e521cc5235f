using GraphQLParser.AST;

namespace ProductQuality.Graph.Infrastructure.Http.Limits;

/// <summary>
/// The most times one response name is selected in one merged selection set: the fields of a level, its inline
/// fragments and its fragment spreads together, and below a repeated field the selections of all its copies
/// together, as GraphQL merges them. The overlapping-fields rule compares every pair of a name's copies, so this
/// number, squared, is what a document under the field limit can still cost validation. <c>__typename</c> is
/// left out: it has no arguments and is repeated by clients that add it to every fragment.
/// Run it only on a document within the field limit: fragments are expanded at every spread.
/// </summary>
internal static class FieldRepeats
{
    public static (string? Name, int Count) Most(GraphQLDocument document, int stopAbove)
    {
        var fragments = new Dictionary<string, GraphQLFragmentDefinition>(StringComparer.Ordinal);
        foreach (var fragment in document.Definitions.OfType<GraphQLFragmentDefinition>())
        {
            fragments.TryAdd(fragment.FragmentName.Name.StringValue, fragment);
        }

        (string? Name, int Count) most = (null, 0);
        foreach (var set in document.Definitions.OfType<GraphQLOperationDefinition>().Select(o => o.SelectionSet)
            .Concat(fragments.Values.Select(f => f.SelectionSet)))
        {
            most = Max(most, Merged([set], fragments, stopAbove));
            if (most.Count > stopAbove)
            {
                break;
            }
        }

        return most;
    }

    private static (string? Name, int Count) Merged(
        IEnumerable<GraphQLSelectionSet> sets, Dictionary<string, GraphQLFragmentDefinition> fragments, int stopAbove)
    {
        var groups = new Dictionary<string, List<GraphQLField>>(StringComparer.Ordinal);
        foreach (var set in sets)
        {
            Collect(set, fragments, groups, []);
        }

        (string? Name, int Count) most = (null, 0);
        foreach (var (name, copies) in groups)
        {
            if (name != "__typename")
            {
                most = Max(most, (name, copies.Count));
            }

            var below = copies.Where(c => c.SelectionSet is not null).Select(c => c.SelectionSet!).ToList();
            if (most.Count <= stopAbove && below.Count > 0)
            {
                most = Max(most, Merged(below, fragments, stopAbove));
            }

            if (most.Count > stopAbove)
            {
                break;
            }
        }

        return most;
    }

    private static void Collect(GraphQLSelectionSet set, Dictionary<string, GraphQLFragmentDefinition> fragments,
        Dictionary<string, List<GraphQLField>> groups, HashSet<string> expanding)
    {
        foreach (var selection in set.Selections)
        {
            switch (selection)
            {
                case GraphQLField field:
                    var name = (field.Alias?.Name ?? field.Name).StringValue;
                    if (!groups.TryGetValue(name, out var copies))
                    {
                        groups[name] = copies = [];
                    }

                    copies.Add(field);
                    break;
                case GraphQLInlineFragment inline:
                    Collect(inline.SelectionSet, fragments, groups, expanding);
                    break;
                case GraphQLFragmentSpread spread
                    when fragments.TryGetValue(spread.FragmentName.Name.StringValue, out var fragment)
                        && expanding.Add(fragment.FragmentName.Name.StringValue):
                    Collect(fragment.SelectionSet, fragments, groups, expanding);
                    expanding.Remove(fragment.FragmentName.Name.StringValue);
                    break;
            }
        }
    }

    private static (string? Name, int Count) Max((string? Name, int Count) a, (string? Name, int Count) b) =>
        b.Count > a.Count ? b : a;
}
