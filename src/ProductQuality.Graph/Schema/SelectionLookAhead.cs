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
    // Fragments nested deeper than this are not searched; the caller says what that counts as.
    private const int MaxFragmentDepth = 8;

    /// <summary>
    /// Whether the current field's selection may reach the path of field names, whatever their aliases and through
    /// fragments. A fragment nested past <see cref="MaxFragmentDepth"/> counts as a yes: callers skip work on a no
    /// (a count, a row past the page), and a no for a field that is asked left a non-null field null.
    /// </summary>
    public static bool Asks(this IResolveFieldContext context, params string[] path) =>
        context.FieldAst.SelectionSet is { } selectionSet && Asks(context.Document, selectionSet, path);

    /// <summary>
    /// The same, for a selection set of the document read before it runs: the cost estimate prices the work a
    /// resolver does for what it is asked by the resolver's own rule, so the two cannot disagree.
    /// </summary>
    public static bool Asks(GraphQLDocument document, GraphQLSelectionSet selectionSet, params string[] path) =>
        path.Length > 0 && Reaches(document, selectionSet, path, 0);

    /// <summary>
    /// The fields at the end of the path of field names below the current field, each alias and fragment's copy once,
    /// for a caller that reads their arguments (which limit each asks for, say). Aliases do not matter; fragments are
    /// followed. @skip and @include are not evaluated: a field found may load rows no field reads, one missed only
    /// leaves its rows to be batched as they would be without the look-ahead.
    /// </summary>
    public static List<GraphQLField> FieldsAt(this IResolveFieldContext context, params string[] path)
    {
        var found = new List<GraphQLField>();
        if (path.Length > 0 && context.FieldAst.SelectionSet is { } selectionSet)
        {
            Collect(context.Document, selectionSet, (path, 0, found));
        }

        return found;
    }

    /// <summary>
    /// Whether a field of this selection set, or of the fragments it spreads or inlines, passes the test. Fields' own
    /// selection sets are the test's business. A fragment nested past <see cref="MaxFragmentDepth"/> counts as
    /// <paramref name="tooDeep"/>: false where a no only costs a batch, true where a yes only costs a walk.
    /// </summary>
    public static bool AnyField<TState>(GraphQLDocument document, GraphQLSelectionSet selectionSet, TState state,
        Func<GraphQLDocument, GraphQLField, TState, bool> test, bool tooDeep) =>
        AnyField(document, selectionSet, state, test, tooDeep, depth: 0);

    private static bool Reaches(GraphQLDocument document, GraphQLSelectionSet selectionSet, string[] path, int index) =>
        AnyField(document, selectionSet, (Path: path, Index: index), static (document, field, at) =>
            field.Name.Value.Span.SequenceEqual(at.Path[at.Index])
            && (at.Index == at.Path.Length - 1
                || (field.SelectionSet is { } inner && Reaches(document, inner, at.Path, at.Index + 1))),
            tooDeep: true);

    // Walks every field (the test never answers yes), adding those at the path's end.
    private static void Collect(GraphQLDocument document, GraphQLSelectionSet selectionSet,
        (string[] Path, int Index, List<GraphQLField> Found) at) =>
        AnyField(document, selectionSet, at, static (document, field, at) =>
        {
            if (!field.Name.Value.Span.SequenceEqual(at.Path[at.Index]))
            {
                return false;
            }

            if (at.Index == at.Path.Length - 1)
            {
                at.Found.Add(field);
            }
            else if (field.SelectionSet is { } inner)
            {
                Collect(document, inner, (at.Path, at.Index + 1, at.Found));
            }

            return false;
        }, tooDeep: false);

    private static bool AnyField<TState>(GraphQLDocument document, GraphQLSelectionSet selectionSet, TState state,
        Func<GraphQLDocument, GraphQLField, TState, bool> test, bool tooDeep, int depth)
    {
        foreach (var selection in selectionSet.Selections)
        {
            var passed = selection switch
            {
                GraphQLField field => test(document, field, state),
                GraphQLInlineFragment or GraphQLFragmentSpread when depth >= MaxFragmentDepth => tooDeep,
                GraphQLInlineFragment inline =>
                    AnyField(document, inline.SelectionSet, state, test, tooDeep, depth + 1),
                GraphQLFragmentSpread spread =>
                    document.FindFragmentDefinition(spread.FragmentName.Name) is { } fragment
                    && AnyField(document, fragment.SelectionSet, state, test, tooDeep, depth + 1),
                _ => false,
            };
            if (passed)
            {
                return true;
            }
        }

        return false;
    }
}
