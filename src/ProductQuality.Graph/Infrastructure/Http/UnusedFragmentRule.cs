using GraphQL.Validation;
using GraphQL.Validation.Errors;
using GraphQL.Validation.Rules;
using GraphQLParser.AST;

namespace ProductQuality.Graph.Infrastructure.Http;

/// <summary>
/// GraphQL's "fragments must be used" rule (GraphQL.NET's <see cref="NoUnusedFragments"/>, the same error), with a
/// fragment counted as used by its name. The library compares definitions: of two fragments named F, a spread
/// <c>...F</c> reaches the first only, and the second was called "never used" beside the real error, "there can
/// be only one fragment named F" (<see cref="UniqueFragmentNames"/>), which is what the caller has to fix. For the same
/// reason the spreads inside every definition of a used name count: a fragment spread only in the second F is used.
/// A name that is spread nowhere is still reported, for each of its definitions.
/// </summary>
internal sealed class UnusedFragmentRule : ValidationRuleBase
{
    public static readonly UnusedFragmentRule Instance = new();

    private static readonly INodeVisitor Visitor = new MatchingNodeVisitor<GraphQLDocument>(
        leave: (document, context) =>
    {
        var fragments = document.Definitions.OfType<GraphQLFragmentDefinition>().ToList();
        if (fragments.Count == 0)
        {
            return;
        }

        var used = UsedNames(document, fragments, context);
        foreach (var fragment in fragments.Where(f => !used.Contains(f.FragmentName.Name.StringValue)))
        {
            context.ReportError(new NoUnusedFragmentsError(context, fragment));
        }
    });

    // The names the operations spread, then those spread by any definition of a used name: each name is walked once
    // (a work list, so a long chain of fragments defined in reverse order costs no pass per link).
    private static HashSet<string> UsedNames(
        GraphQLDocument document, List<GraphQLFragmentDefinition> fragments, ValidationContext context)
    {
        var definitions = fragments.ToLookup(f => f.FragmentName.Name.StringValue, StringComparer.Ordinal);
        var used = document.Definitions.OfType<GraphQLOperationDefinition>()
            .SelectMany(o => context.GetRecursivelyReferencedFragments(o) ?? [])
            .Select(f => f.FragmentName.Name.StringValue)
            .ToHashSet(StringComparer.Ordinal);
        var toWalk = new Stack<string>(used);
        while (toWalk.TryPop(out var name))
        {
            foreach (var spread in definitions[name].SelectMany(f => context.GetFragmentSpreads(f.SelectionSet)))
            {
                if (used.Add(spread.FragmentName.Name.StringValue))
                {
                    toWalk.Push(spread.FragmentName.Name.StringValue);
                }
            }
        }

        return used;
    }

    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context) => new(Visitor);
}
