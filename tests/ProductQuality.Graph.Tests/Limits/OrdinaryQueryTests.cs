using ProductQuality.Graph.Tests.Infrastructure;

namespace ProductQuality.Graph.Tests.Limits;

/// <summary>The limits leave ordinary work alone: the README's queries and full pages answer for everyone.</summary>
[Collection(ServerCollection.Name)]
public sealed class OrdinaryQueryTests(GraphServerFactory factory)
{
    private const string Status = """
        query Status($code: String!) {
          enterprise(creditCode: $code) {
            name county { name } town { name }
            class classEffectiveFrom healthCode mapColour qualityIndex
            classExplanation { summary factors { name value threshold effect } }
            blacklisted blacklistedSince assured assuredUntil
            inspections(limit: 5) { sampledOn product { name } passed failedItems { name safetyItem } }
          }
        }
        """;

    public static TheoryData<string> Departments =>
    [
        "samr-jiaxing", "samr-330481", "drc", "tax", "sci-tech", "finance", "project-approval", "industry-access",
        "yrd-partner",
    ];

    [Theory]
    [MemberData(nameof(Departments))]
    public async Task A_full_page_of_enterprises_answers_for_every_department(string department)
    {
        var reply = await factory.ClientFor(department)
            .PostAsync("{ enterprises(first: 500) { totalCount edges { node { creditCode name } } } }");

        reply.EnsureData();
    }

    [Fact]
    public async Task The_readme_queries_answer()
    {
        var client = factory.ClientFor("samr-jiaxing");
        var page = (await client.PostAsync("""
            { enterprises(first: 3, filter: {countyCode: "330481"}, orderBy: CLASS_WORST_FIRST) { totalCount edges {
              node { creditCode name class healthCode qualityIndex blacklisted products { name tier } } } } }
            """)).EnsureData();
        var code = page.Data.GetProperty("enterprises").GetProperty("edges")[0]
            .GetProperty("node").GetProperty("creditCode").GetString();

        (await client.PostAsync(Status, new { code })).EnsureData();
        (await client.PostAsync(
            "{ city { children { children { code colour } } } productCategories { products { name } } }")).EnsureData();
    }

    [Fact]
    public async Task The_public_reads_whole_pages_of_both_published_lists()
    {
        (await factory.ClientFor(null).PostAsync(
            "{ blacklist(first: 500) { totalCount edges { node { name } } } assuredUnits(first: 500) { totalCount } }"))
            .EnsureData();
    }
}
