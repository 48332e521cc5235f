using ProductQuality.Graph.Tests.Infrastructure;

namespace ProductQuality.Graph.Tests.Catalogue;

/// <summary>
/// A town, product or category code given to narrow a list is one the reference data holds, or INVALID_ARGUMENT
/// saying what such a code looks like: a mistyped one ("P4", "330402999") answered an empty page, which reads as
/// "nothing there".
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class CatalogueArgumentTests(GraphServerFactory factory)
{
    private const string Page = "query($f: EnterpriseFilter) { enterprises(first: 5, filter: $f) { totalCount } }";

    [Theory]
    [InlineData("townCode", "330402999", "nine-digit codes")]
    [InlineData("townCode", "330402", "nine-digit codes")]
    [InlineData("townCode", " 330402007", "nine-digit codes")]
    [InlineData("productCode", "P4", "P001 to P273")]
    [InlineData("productCode", "p004", "P001 to P273")]
    [InlineData("productCode", "P999", "P001 to P273")]
    [InlineData("categoryCode", "C6", "C01 to C13")]
    [InlineData("categoryCode", "C14", "C01 to C13")]
    public async Task A_code_the_catalogue_does_not_hold_is_INVALID_ARGUMENT(string field, string code, string hint)
    {
        var filter = new Dictionary<string, string> { [field] = code };
        var reply = await factory.ClientFor("samr-jiaxing").PostAsync(Page, new { f = filter });

        Assert.Equal("INVALID_ARGUMENT", reply.FirstErrorCode);
        Assert.Contains($"give filter.{field} as", reply.FirstErrorMessage, StringComparison.Ordinal);
        Assert.Contains(hint, reply.FirstErrorMessage, StringComparison.Ordinal);
        Assert.Equal($"filter.{field}",
            reply.Json.GetProperty("errors")[0].GetProperty("extensions").GetProperty("argument").GetString());
    }

    [Fact]
    public async Task A_category_of_products_the_catalogue_does_not_hold_is_INVALID_ARGUMENT()
    {
        var reply = await factory.ClientFor("finance").PostAsync("{ products(categoryCode: \"C00\") { code } }");

        Assert.Equal("INVALID_ARGUMENT", reply.FirstErrorCode);
        Assert.Contains("give categoryCode as one of C01 to C13", reply.FirstErrorMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("townCode", "330402007")]
    [InlineData("productCode", "P004")]
    [InlineData("categoryCode", "C06")]
    public async Task A_code_of_the_catalogue_is_answered(string field, string code)
    {
        var filter = new Dictionary<string, string> { [field] = code };
        (await factory.ClientFor("samr-jiaxing").PostAsync(Page, new { f = filter })).EnsureData();
    }
}
