using GraphQLParser.AST;

namespace ProductQuality.Graph.Infrastructure.Http;

/// <summary>
/// Refuses a document whose fragments spread themselves (directly or through others) before GraphQL.NET
/// validates it: its overlapping-fields rule recurses without end on a fragment that spreads itself inside a
/// sub-selection (<c>fragment F on Query { ...F a { ...F } }</c>) and the stack overflow ends the process.
/// The answer is the one validation would give: NO_FRAGMENT_CYCLES.
/// </summary>
internal static class FragmentCycleCheck
{
    public const string Code = "NO_FRAGMENT_CYCLES";

    public static RequestError? Refusal(GraphQLDocument document)
    {
        var spreads = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var fragment in document.Definitions.OfType<GraphQLFragmentDefinition>())
        {
            var name = fragment.FragmentName.Name.StringValue;
            if (!spreads.TryGetValue(name, out var names))
            {
                spreads[name] = names = new HashSet<string>(StringComparer.Ordinal);
            }

            CollectSpreads(fragment.SelectionSet, names);
        }

        var done = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in spreads.Keys)
        {
            if (FindCycle(name, spreads, done, []) is { } cyclic)
            {
                return RequestError.BadRequest(Code, $"Fragment '{cyclic}' spreads itself, directly or through other "
                    + "fragments: a fragment cannot contain itself.");
            }
        }

        return null;
    }

    /// <summary>Depth-first search; fragments already proven acyclic are skipped, so each is walked once.</summary>
    private static string? FindCycle(string name, Dictionary<string, HashSet<string>> spreads, HashSet<string> done,
        HashSet<string> path)
    {
        if (done.Contains(name) || !spreads.TryGetValue(name, out var next))
        {
            return null;
        }

        if (!path.Add(name))
        {
            return name;
        }

        foreach (var spread in next)
        {
            if (FindCycle(spread, spreads, done, path) is { } cyclic)
            {
                return cyclic;
            }
        }

        path.Remove(name);
        done.Add(name);
        return null;
    }

    /// <summary>The parser bounds the nesting (128 levels), so this recursion is bounded too.</summary>
    private static void CollectSpreads(GraphQLSelectionSet? set, HashSet<string> names)
    {
        foreach (var selection in set?.Selections ?? [])
        {
            switch (selection)
            {
                case GraphQLFragmentSpread spread:
                    names.Add(spread.FragmentName.Name.StringValue);
                    break;
                case GraphQLInlineFragment inline:
                    CollectSpreads(inline.SelectionSet, names);
                    break;
                case GraphQLField field:
                    CollectSpreads(field.SelectionSet, names);
                    break;
            }
        }
    }
}
