using System.Text.Json;
using ProductQuality.Graph.Tests.Infrastructure;
using ProductQuality.Graph.Tests.Recording;

namespace ProductQuality.Graph.Tests.Changes;

/// <summary>
/// What each kind of partner reads of the same writes: the regulator everything, a county bureau its county's
/// enterprise changes, finance every kind, project approval and the public the published lists only.
/// </summary>
[Collection(ChangeFeedServerCollection.Name)]
public sealed class ChangeFeedContractTests(ChangeFeedServerFactory factory)
{
    private static readonly string[] AllKinds =
        ["ASSURED", "BLACKLIST", "CLASS", "HEALTH_CODE", "MAP_COLOUR", "PRODUCT_TIER", "QUALITY_INDEX"];

    [Fact]
    public async Task Each_contract_reads_the_kinds_and_rows_it_may_see_of_the_same_writes()
    {
        var start = await Feed.EndAsync(factory.ClientFor("samr-jiaxing"));
        var nanhu = await factory.EnterpriseAsync(3, county: "330402");
        var haining = await factory.EnterpriseAsync(3, county: "330481", assured: true);
        await factory.FailedSamplingAsync("samr-330402", nanhu.CreditCode, nanhu.ProductCode, WriteData.Today);
        await factory.FailedSamplingAsync("samr-330402", nanhu.CreditCode, nanhu.ProductCode, WriteData.Today);
        await factory.ListAsync("samr-jiaxing", haining.CreditCode);
        var product = await factory.GeneralProductAsync(0);
        await factory.OverrideTierAsync(product, "HIGH");

        var regulator = await Feed.ReadAllAsync(factory.ClientFor("samr-jiaxing"), start, 7, Feed.FullPage);
        Assert.Contains(regulator, e => e.Code() == nanhu.CreditCode && e.Kind() == "CLASS");
        Assert.Contains(regulator, e => e.Code() == haining.CreditCode && e.Kind() == "BLACKLIST"
            && e.GetProperty("newValue").GetString() == "LISTED"
            && e.GetProperty("oldValue").GetString() == "NOT_LISTED");
        Assert.Contains(regulator, e => e.Code() == haining.CreditCode && e.Kind() == "ASSURED"
            && e.GetProperty("newValue").GetString() == "REVOKED");
        Assert.Contains(regulator,
            e => e.Kind() == "PRODUCT_TIER" && e.GetProperty("productCode").GetString() == product);
        Assert.All(regulator, e => Assert.False(e.GetProperty("correction").GetBoolean()));

        var finance = await Feed.ReadAllAsync(factory.ClientFor("finance"), start, 500, Feed.FullPage);
        Assert.Equal(Cursors(regulator), Cursors(finance));
        Assert.Equal(AllKinds, finance.Select(e => e.Kind()).Distinct().Order(StringComparer.Ordinal));

        var county = await Feed.ReadAllAsync(factory.ClientFor("samr-330402"), start, 500, Feed.FullPage);
        Assert.Equal(Cursors(regulator.Where(e => e.Code() != haining.CreditCode)), Cursors(county));

        var approval = await Feed.ReadAllAsync(factory.ClientFor("project-approval"), start, 500, Feed.Page);
        Assert.Equal(Cursors(regulator.Where(e => e.Kind() is "BLACKLIST" or "ASSURED")), Cursors(approval));
        Assert.All(approval, e => Assert.DoesNotContain("制假售假", e.GetProperty("reason").GetString()!));

        var anonymous = await Feed.ReadAllAsync(factory.ClientFor(null), start, 500, Feed.Page);
        Assert.Equal(Cursors(approval), Cursors(anonymous));
        Assert.Contains(anonymous, e => e.GetProperty("reason").GetString() == "Listed on the blacklist (列入黑名单)");
    }

    [Theory]
    [InlineData("project-approval", "CLASS")]
    [InlineData(null, "HEALTH_CODE")]
    [InlineData("tax", "PRODUCT_TIER")]
    public async Task Asking_for_a_kind_the_contract_cannot_read_fails_like_a_misspelt_value(
        string? department, string kind)
    {
        var hidden = await factory.ClientFor(department).PostAsync(Feed.Page, new { kinds = new[] { kind } });
        var misspelt = await factory.ClientFor(department).PostAsync(Feed.Page, new { kinds = new[] { "NO_SUCH" } });

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, hidden.Status);
        Assert.Equal(misspelt.FirstErrorCode, hidden.FirstErrorCode);
        Assert.Equal(misspelt.FirstErrorMessage.Replace("NO_SUCH", kind, StringComparison.Ordinal),
            hidden.FirstErrorMessage);
    }

    [Fact]
    public async Task Kinds_narrow_the_feed_and_an_empty_list_is_refused()
    {
        var classes = await Feed.ReadAllAsync(factory.ClientFor("finance"), null, 500, Feed.Page, ["CLASS"]);
        Assert.All(classes, e => Assert.Equal("CLASS", e.Kind()));

        var empty = await factory.ClientFor("finance").PostAsync(Feed.Page, new { kinds = Array.Empty<string>() });
        Assert.Equal("INVALID_ARGUMENT", empty.FirstErrorCode);
    }

    /// <summary>
    /// A kind another contract has (finance's CLASS, copied from the README by a project-approval developer) fails
    /// validation as a misspelt value does, and the message names the kinds this contract has (the partner probe:
    /// it said only "Expected type 'ChangeKind', found CLASS."); in an input object's field too.
    /// </summary>
    [Fact]
    public async Task A_kind_the_contract_lacks_is_refused_naming_the_kinds_it_has()
    {
        var refused = await factory.ClientFor("project-approval")
            .PostAsync("{ changes(kinds: [CLASS]) { pageInfo { endCursor } } }");
        Assert.Equal("ARGUMENTS_OF_CORRECT_TYPE", refused.FirstErrorCode);
        Assert.EndsWith("found CLASS.] ChangeKind takes BLACKLIST, ASSURED.", refused.FirstErrorMessage,
            StringComparison.Ordinal);

        var inField = await factory.ClientFor("finance")
            .PostAsync("{ enterprises(filter: { class: D }) { totalCount } }");
        Assert.Contains("EnterpriseClass takes AA, A, B, C.", inField.FirstErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task First_is_bounded_by_the_page_cap_and_priced_by_the_cost_limit()
    {
        var tooLarge = await factory.ClientFor("finance").PostAsync(Feed.Page, new { first = 501 });
        Assert.Equal("PAGE_TOO_LARGE", tooLarge.FirstErrorCode);

        // Eleven pages of 500 are 5,500 rows: over the public's budget of 5,000 before anything runs.
        var aliases = string.Join(" ", Enumerable.Range(0, 11).Select(i =>
            $"p{i}: changes(first: 500) {{ edges {{ node {{ kind newValue }} }} }}"));
        var refused = await factory.ClientFor(null).PostAsync($"{{ {aliases} }}");
        Assert.Equal("QUERY_TOO_COMPLEX", refused.FirstErrorCode);
        var extensions = refused.Json.GetProperty("errors")[0].GetProperty("extensions");
        Assert.Equal(5_500, extensions.GetProperty("cost").GetInt32());
    }

    private static List<string> Cursors(IEnumerable<JsonElement> events) => [.. events.Select(e => e.Cursor())];
}
