using GraphQLParser.AST;
using ProductQuality.Graph.Infrastructure.Http;

namespace ProductQuality.Graph.Audit;

/// <summary>
/// Whether a request can return data a purpose is asked for: not when it asks only about the schema
/// (<c>__schema</c>, <c>__type</c>, <c>__typename</c> at the root, through any fragments) — refused, a department with
/// <c>RequirePurpose</c> saw no documentation, explorer or completion in the browser IDE, whose introspection sends no
/// purpose (the newcomer probe) — nor when no operation will run: a document that does not parse, or names no
/// operation it holds, is refused by the executor with its real error ("{ __typename " was told PURPOSE_REQUIRED).
/// </summary>
internal static class SchemaOnlyOperation
{
    /// <summary>Whether the operation the request selects asks for anything but the schema.</summary>
    public static bool AsksForData(string? query, string? operationName)
    {
        if (query is null || DocumentParser.Parse(query).Document is not { } document
            || OperationTypeCheck.SelectedOperation(document, operationName) is not { } operation)
        {
            return false;
        }

        var fragments = document.Definitions.OfType<GraphQLFragmentDefinition>()
            .GroupBy(f => f.FragmentName.Name.StringValue).ToDictionary(g => g.Key, g => g.First());
        return operation.Operation != OperationType.Query
            || !new Judge(fragments).OnlyMeta(operation.SelectionSet);
    }

    // Each fragment judged once (a fragment spread twice, "{ ...F ...F }", was taken for a cycle and refused), and a
    // fragment inside its own spread is a cycle, which fails validation anyway: not judged schema-only.
    private sealed class Judge(Dictionary<string, GraphQLFragmentDefinition> fragments)
    {
        private readonly Dictionary<string, bool> _judged = new(StringComparer.Ordinal);
        private readonly HashSet<string> _inside = new(StringComparer.Ordinal);

        public bool OnlyMeta(GraphQLSelectionSet set) =>
            set.Selections.All(selection => selection switch
            {
                GraphQLField field => field.Name.StringValue is "__schema" or "__type" or "__typename",
                GraphQLInlineFragment inline => OnlyMeta(inline.SelectionSet),
                GraphQLFragmentSpread spread => Fragment(spread.FragmentName.Name.StringValue),
                _ => false,
            });

        private bool Fragment(string name)
        {
            if (_judged.TryGetValue(name, out var judged))
            {
                return judged;
            }

            if (!fragments.TryGetValue(name, out var fragment) || !_inside.Add(name))
            {
                return false;
            }

            var only = OnlyMeta(fragment.SelectionSet);
            _inside.Remove(name);
            return _judged[name] = only;
        }
    }
}
