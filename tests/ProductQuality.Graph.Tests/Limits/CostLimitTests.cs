using System.Net;
using ProductQuality.Graph.Tests.Infrastructure;

namespace ProductQuality.Graph.Tests.Limits;

/// <summary>
/// The static cost estimate through HTTP with the shipped budgets (50,000 rows for departments, 5,000 for the
/// public): page sizes and list estimates multiply through nesting, fragments and variables included.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class CostLimitTests(GraphServerFactory factory)
{
    private const string Rows = "fragment Rows on EnterpriseConnection { edges { node { name products { name } } } }";

    public static TheoryData<int> TreeLevels => [5, 6, 7, 8];

    [Theory]
    [MemberData(nameof(TreeLevels))]
    public async Task The_region_tree_walked_up_and_down_is_refused_within_the_depth_limit(int levels)
    {
        var reply = await factory.ClientFor("samr-jiaxing").PostAsync(QueryShapes.RegionTree(levels));

        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.Equal("QUERY_TOO_COMPLEX", reply.FirstErrorCode);
        var extensions = reply.Json.GetProperty("errors")[0].GetProperty("extensions");
        Assert.True(extensions.GetProperty("cost").GetInt64() > extensions.GetProperty("limit").GetInt64());
        Assert.Equal(50_000, extensions.GetProperty("limit").GetInt64());
        Assert.Contains("50,000", reply.FirstErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Four_levels_of_the_region_tree_still_answer()
    {
        (await factory.ClientFor("samr-jiaxing").PostAsync(QueryShapes.RegionTree(4))).EnsureData();
    }

    [Theory]
    [InlineData(20, 500)]
    [InlineData(100, 100)]
    [InlineData(17, 500)]
    public async Task Aliased_pages_whose_rows_add_up_past_the_budget_are_refused(int aliases, int page)
    {
        var query = "{ " + string.Join(" ", Enumerable.Range(1, aliases)
            .Select(i => $"e{i}: enterprises(first: {page}) {{ ...Rows }}")) + " } " + Rows;

        var reply = await factory.ClientFor("finance").PostAsync(query);

        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.Equal("QUERY_TOO_COMPLEX", reply.FirstErrorCode);
    }

    [Theory]
    [InlineData(500, null, true)]
    [InlineData(50, null, false)]
    [InlineData(50, 500, true)]
    public async Task Page_sizes_given_as_variables_or_their_defaults_count_like_literals(int n, int? m, bool refused)
    {
        // Each row reads about 221 (itself, 20 inspections by default, 10 failed items each).
        var query = "query($n: Int, $m: Int = 40) { a: enterprises(first: $n) { ...Heavy } "
            + "b: enterprises(first: $m) { ...Heavy } c: enterprises(first: $n) { ...Heavy } } "
            + "fragment Heavy on EnterpriseConnection { edges { node { name inspections { failedItems { name } } } } }";
        object variables = m is null ? new { n } : new { n, m };

        var reply = await factory.ClientFor("samr-jiaxing").PostAsync(query, variables);

        if (refused)
        {
            Assert.Equal("QUERY_TOO_COMPLEX", reply.FirstErrorCode);
        }
        else
        {
            reply.EnsureData();
        }
    }

    [Theory]
    [InlineData(9, false)]
    [InlineData(11, true)]
    [InlineData(40, true)]
    public async Task The_public_has_a_tenth_of_the_budget(int pages, bool refused)
    {
        var query = "{ " + string.Join(" ", Enumerable.Range(1, pages)
            .Select(i => $"x{i}: blacklist(first: 500) {{ edges {{ node {{ ... on Enterprise {{ name }} }} }} }}"))
            + " }";

        var reply = await factory.ClientFor(null).PostAsync(query);

        if (!refused)
        {
            reply.EnsureData();
            return;
        }

        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.Equal("QUERY_TOO_COMPLEX", reply.FirstErrorCode);
        var extensions = reply.Json.GetProperty("errors")[0].GetProperty("extensions");
        Assert.Equal(5_000, extensions.GetProperty("limit").GetInt64());
        Assert.Equal(pages * 500, extensions.GetProperty("cost").GetInt64());
    }

    [Theory]
    [InlineData("... on Enterprise { inspections(limit: 200) { failedItems { name } } }")]
    [InlineData("...Checks")]
    [InlineData("inspections { failedItems { name } products { name } }")]
    public async Task Nested_lists_multiply_through_inline_and_named_fragments(string selection)
    {
        var query = "{ enterprises(first: 500) { edges { node { " + selection + " } } } } "
            + (selection == "...Checks"
                ? "fragment Checks on Enterprise { inspections(limit: 100) { product { name } failedItems { name } } }"
                : "");

        var reply = await factory.ClientFor("samr-jiaxing").PostAsync(query);

        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.Equal("QUERY_TOO_COMPLEX", reply.FirstErrorCode);
    }
}
