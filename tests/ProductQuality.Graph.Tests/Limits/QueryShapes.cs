using System.Globalization;
using System.Text;

namespace ProductQuality.Graph.Tests.Limits;

/// <summary>The expensive document shapes of issue 9, built at any size.</summary>
internal static class QueryShapes
{
    /// <summary>n copies of one field with different arguments, under one alias (or none): n² conflicts.</summary>
    public static string SameFieldCopies(int n, bool aliased) => "{" + string.Concat(Enumerable.Range(1, n)
        .Select(i => $"{(aliased ? "a:" : "")}blacklist(first:{i % 50}){{totalCount}}")) + "}";

    /// <summary>n aliases of enterprises(first: page) through a fragment.</summary>
    public static string AliasedPages(int n, int page) =>
        "{" + string.Concat(Enumerable.Range(1, n).Select(i => $"e{i}:enterprises(first:{page}){{...Rows}}"))
        + "} fragment Rows on EnterpriseConnection { edges { node { creditCode name products { name } } } }";

    /// <summary>city { children { parent { children { … } } } }, <paramref name="levels"/> children levels.</summary>
    public static string RegionTree(int levels)
    {
        var query = new StringBuilder("{ city { ");
        for (var i = 0; i < levels; i++)
        {
            query.Append(i == 0 ? "children { " : "parent { children { ");
        }

        query.Append("code ");
        query.Append(string.Concat(Enumerable.Repeat("} ", (2 * levels) - 1)));
        return query.Append("} }").ToString();
    }

    /// <summary>city { parent { parent { … } } }: deep but cheap (one row per level).</summary>
    public static string DeepParents(int depth) =>
        "city { " + string.Concat(Enumerable.Repeat("parent { ", depth)) + "code "
        + string.Concat(Enumerable.Repeat("} ", depth)) + "}";

    /// <summary>Fragments that each spread the next twice: 2^levels fields from a document of a few lines.</summary>
    public static string FragmentFanOut(int levels) =>
        "{ ...F0 } " + string.Join(" ", Enumerable.Range(0, levels).Select(i =>
            $"fragment F{i} on Query {{ ...F{i + 1} ...F{i + 1} }}"))
        + string.Create(CultureInfo.InvariantCulture, $" fragment F{levels} on Query {{ __typename }}");
}
