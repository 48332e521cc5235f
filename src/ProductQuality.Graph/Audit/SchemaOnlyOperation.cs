using GraphQLParser.AST;
using ProductQuality.Graph.Infrastructure.Http;

namespace ProductQuality.Graph.Audit;

/// <summary>
/// Whether a request asks only about the schema (<c>__schema</c>, <c>__type</c>, <c>__typename</c> at the root,
/// through any fragments): it returns no enterprise's data, so a department that must state a purpose is not asked
/// for one. Refused, a department with <c>RequirePurpose</c> saw no documentation, explorer or completion in the
/// browser IDE, whose introspection sends no purpose (the newcomer probe).
/// </summary>
internal static class SchemaOnlyOperation
{
    public static bool Is(string? query, string? operationName)
    {
        if (query is null || DocumentParser.Parse(query).Document is not { } document
            || OperationTypeCheck.SelectedOperation(document, operationName) is not { } operation)
        {
            return false;
        }

        var fragments = document.Definitions.OfType<GraphQLFragmentDefinition>()
            .GroupBy(f => f.FragmentName.Name.StringValue).ToDictionary(g => g.Key, g => g.First());
        return operation.Operation == OperationType.Query
            && OnlyMeta(operation.SelectionSet, fragments, new HashSet<string>(StringComparer.Ordinal));
    }

    private static bool OnlyMeta(GraphQLSelectionSet set, Dictionary<string, GraphQLFragmentDefinition> fragments,
        HashSet<string> seen) =>
        set.Selections.All(selection => selection switch
        {
            GraphQLField field => field.Name.StringValue is "__schema" or "__type" or "__typename",
            GraphQLInlineFragment inline => OnlyMeta(inline.SelectionSet, fragments, seen),
            // A cycle or an unknown fragment fails validation anyway: not judged schema-only.
            GraphQLFragmentSpread spread => seen.Add(spread.FragmentName.Name.StringValue)
                && fragments.TryGetValue(spread.FragmentName.Name.StringValue, out var fragment)
                && OnlyMeta(fragment.SelectionSet, fragments, seen),
            _ => false,
        });
}
