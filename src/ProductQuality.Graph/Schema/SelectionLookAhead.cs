using GraphQL;
using GraphQLParser;
using GraphQLParser.AST;

namespace ProductQuality.Graph.Schema;

/// <summary>
/// What a field's selection asks for further down, read from the document before the fields below run: a resolver
/// that fetches a page can then fetch the rows those fields will want in the same breath.
/// </summary>
public static class SelectionLookAhead
{
    // Fragments nested deeper than this are not searched: the rows are then left to the fields' own batch.
    private const int MaxFragmentDepth = 8;

    /// <summary>
    /// Whether the current field's selection reaches the path of field names (aliases do not matter; fragments are
    /// followed). @skip and @include are not evaluated: a yes may load rows no field reads, a no only leaves the
    /// rows to be batched as they would be without the look-ahead.
    /// </summary>
    public static bool Asks(this IResolveFieldContext context, params ReadOnlySpan<string> path) =>
        path.Length > 0 && context.FieldAst.SelectionSet is { } selectionSet
        && Reaches(context.Document, selectionSet, path, depth: 0);

    private static bool Reaches(GraphQLDocument document, GraphQLSelectionSet selectionSet,
        ReadOnlySpan<string> path, int depth)
    {
        foreach (var selection in selectionSet.Selections)
        {
            var reached = selection switch
            {
                GraphQLField field => field.Name.Value.Span.SequenceEqual(path[0])
                    && (path.Length == 1
                        || (field.SelectionSet is { } inner && Reaches(document, inner, path[1..], depth))),
                GraphQLInlineFragment inline => depth < MaxFragmentDepth
                    && Reaches(document, inline.SelectionSet, path, depth + 1),
                GraphQLFragmentSpread spread => depth < MaxFragmentDepth
                    && document.FindFragmentDefinition(spread.FragmentName.Name) is { } fragment
                    && Reaches(document, fragment.SelectionSet, path, depth + 1),
                _ => false,
            };
            if (reached)
            {
                return true;
            }
        }

        return false;
    }
}
