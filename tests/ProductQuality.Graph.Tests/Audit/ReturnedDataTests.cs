using Microsoft.EntityFrameworkCore;
using System.Text.Json;
using ProductQuality.Graph.Tests.Blacklist;
using ProductQuality.Graph.Tests.Infrastructure;

namespace ProductQuality.Graph.Tests.Audit;

/// <summary>
/// The log records the enterprises whose data was returned, not the ones asked for: a filtered page of 100 names
/// logs those 100 codes though the request named none, a count logs none, and a bulk check logs the codes it knew
/// within the caller's rows — never a code it answered "unknown" or one outside a county bureau's county.
/// </summary>
public abstract class ReturnedDataTests(TestServerFactory factory)
{
    private const string Names = "query($f: EnterpriseFilter) { enterprises(first: 100, filter: $f) { "
        + "edges { node { name } } } }";

    private const string Codes = "query($f: EnterpriseFilter) { enterprises(first: 100, filter: $f) { "
        + "edges { node { creditCode } } } }";

    public static TheoryData<string, string> Pages()
    {
        var data = new TheoryData<string, string>();
        foreach (var department in new[] { "finance", "samr-330481" })
        {
            foreach (var filter in new[]
            {
                "{}", """{"countyCode":"330481"}""", """{"countyCode":"330402"}""", """{"countyCode":"330483"}""",
                """{"class":"C"}""", """{"class":"A"}""", """{"blacklisted":true}""", """{"assured":true}""",
            })
            {
                data.Add(department, filter);
            }
        }

        return data;
    }

    [ProviderTheory]
    [MemberData(nameof(Pages))]
    public async Task A_page_logs_the_codes_of_every_row_it_returned(string department, string filter)
    {
        var client = factory.ClientFor(department);
        var variables = new { f = JsonSerializer.Deserialize<JsonElement>(filter) };
        var shown = (await client.PostAsync(Codes, null, variables)).EnsureData().Data.GetProperty("enterprises")
            .GetProperty("edges").EnumerateArray().Select(e => e.GetProperty("node").GetProperty("creditCode")
                .GetString()!).ToHashSet(StringComparer.Ordinal);

        var purpose = AccessLogProbe.NewPurpose("page");
        (await client.PostAsync(Names, purpose, variables)).EnsureData();

        var entry = await factory.EntryAsync(purpose);
        Assert.Equal(shown.Order(StringComparer.Ordinal), AccessLogProbe.CodesOf(entry).Order(StringComparer.Ordinal));
        Assert.Equal(shown.Count, entry.CodeCount);
        // A condition on a group tells each row's value in it (filter {class: C}): that group is recorded too.
        var chosenBy = filter switch
        {
            _ when filter.Contains("class", StringComparison.Ordinal) => ",Class",
            _ when filter.Contains("blacklisted", StringComparison.Ordinal) => ",BlacklistStatus",
            _ when filter.Contains("assured", StringComparison.Ordinal) => ",Assured",
            _ => "",
        };
        Assert.Equal("Identity" + chosenBy, entry.FieldGroups);
    }

    [ProviderFact]
    public async Task A_full_page_of_a_hundred_names_logs_a_hundred_codes()
    {
        var purpose = AccessLogProbe.NewPurpose("page");
        (await factory.ClientFor("finance").PostAsync(Names, purpose, new { f = new { } })).EnsureData();
        Assert.Equal(100, (await factory.EntryAsync(purpose)).Codes.Count);
    }

    [ProviderFact]
    public async Task An_enterprise_answered_with_its_type_name_alone_logs_its_code()
    {
        // '{ enterprise(creditCode: …) { __typename } }' answers whether the caller may see that enterprise, as a
        // bulk check's 'known' does (logged); __typename is no field of the type, and logged no code (the access
        // probe).
        var client = factory.ClientFor("finance");
        var codes = (await client.PostAsync(Codes, null, new { f = new { } })).EnsureData().Data
            .GetProperty("enterprises").GetProperty("edges").EnumerateArray()
            .Select(e => e.GetProperty("node").GetProperty("creditCode").GetString()!).Take(3).ToList();

        var purpose = AccessLogProbe.NewPurpose("typename");
        (await client.PostAsync($"{{ one: enterprise(creditCode: \"{codes[0]}\") {{ __typename }} "
            + "page: enterprises(first: 3) { edges { node { ... on Enterprise { __typename } } } } }", purpose))
            .EnsureData();

        Assert.Equal(codes.Order(StringComparer.Ordinal),
            AccessLogProbe.CodesOf(await factory.EntryAsync(purpose)).Order(StringComparer.Ordinal));
    }

    [ProviderFact]
    public async Task A_count_returns_no_enterprise_and_logs_no_code()
    {
        var purpose = AccessLogProbe.NewPurpose("count");
        (await factory.ClientFor("finance").PostAsync("{ enterprises(first: 100) { totalCount } }", purpose))
            .EnsureData();
        Assert.Empty((await factory.EntryAsync(purpose)).Codes);
    }

    [ProviderTheory]
    [InlineData("finance", null)]
    [InlineData("samr-330481", "330481")]
    public async Task Bulk_fields_log_the_codes_they_knew_in_the_callers_rows(string department, string? county)
    {
        var bulk = await BulkCodes.MakeAsync(factory, 1_000);
        var expected = bulk.Codes.Distinct().Where(c => bulk.Seeded.TryGetValue(c, out var e)
            && (county is null || e.CountyCode == county)).Order(StringComparer.Ordinal).ToList();
        var client = factory.ClientFor(department);

        var statuses = AccessLogProbe.NewPurpose("statuses");
        (await client.PostAsync("query($c: [String!]!) { enterpriseStatuses(creditCodes: $c) { creditCode known } }",
            statuses, new { c = bulk.Codes })).EnsureData();
        var check = AccessLogProbe.NewPurpose("check");
        (await client.PostAsync("query($c: [String!]!) { blacklistCheck(creditCodes: $c) { results { known } } }",
            check, new { c = bulk.Codes })).EnsureData();

        Assert.NotEmpty(expected);
        foreach (var purpose in new[] { statuses, check })
        {
            var logged = AccessLogProbe.CodesOf(await factory.EntryAsync(purpose));
            Assert.Equal(expected, logged.Order(StringComparer.Ordinal));
        }
    }

    [ProviderFact]
    public async Task A_refused_request_logs_no_code()
    {
        var purpose = AccessLogProbe.NewPurpose("refused");
        var reply = await factory.ClientFor("finance").PostAsync(
            "{ enterprises(first: 100) { edges { node { name } } } nope }", purpose);
        Assert.False(reply.Status == System.Net.HttpStatusCode.OK && !reply.HasErrors);
        Assert.Empty((await factory.EntryAsync(purpose)).Codes);
    }

    /// <summary>
    /// An entry's codes come sorted, at most <c>limit</c> of them (100 unless asked), with their count: a page of
    /// 400 entries of big checks answered 18.9 MB for an estimate that priced each entry's codes at 100.
    /// </summary>
    [ProviderFact]
    public async Task An_entrys_codes_come_sorted_up_to_the_limit_with_their_count()
    {
        var everyone = await factory.DbAsync(db => db.Enterprises.AsNoTracking().OrderBy(e => e.Id)
            .Select(e => new { Code = e.CreditCode, County = e.CountyCode }).Take(150).ToListAsync());
        var purpose = AccessLogProbe.NewPurpose("big-check");
        (await factory.ClientFor("finance").PostAsync(
            "query($a: [String!]!) { blacklistCheck(creditCodes: $a) { results { creditCode blacklisted } } }", purpose,
            new { a = everyone.Select(e => e.Code).ToArray() })).EnsureData();
        const string Codes = """
            query($f: AccessLogFilter) { accessLog(filter: $f, first: 5) { edges { node {
              creditCodes creditCodeCount all: creditCodes(limit: 1000) none: creditCodes(limit: 0)
              few: creditCodes(limit: 3)
            } } } }
            """;
        var sorted = everyone.Select(e => e.Code).Order(StringComparer.Ordinal).ToList();

        var city = Assert.Single(Nodes((await factory.ClientFor("samr-jiaxing").PostAsync(Codes, null,
            new { f = new { purpose } })).EnsureData().Data.GetProperty("accessLog")));
        Assert.Equal(sorted.Take(100), Strings(city, "creditCodes"));
        Assert.Equal(150, city.GetProperty("creditCodeCount").GetInt32());
        Assert.Equal(sorted, Strings(city, "all"));
        Assert.Empty(Strings(city, "none"));
        Assert.Equal(sorted.Take(3), Strings(city, "few"));

        var ours = everyone.Where(e => e.County == "330481").Select(e => e.Code).Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(ours);
        var county = Assert.Single(Nodes((await factory.ClientFor("samr-330481").PostAsync(Codes, null,
            new { f = new { purpose } })).EnsureData().Data.GetProperty("accessLog")));
        Assert.Equal(ours, Strings(county, "all"));
        Assert.Equal(ours.Take(3), Strings(county, "few"));
        Assert.Equal(ours.Count, county.GetProperty("creditCodeCount").GetInt32());
    }

    private static List<string> Strings(JsonElement node, string name) =>
        node.GetProperty(name).EnumerateArray().Select(c => c.GetString()!).ToList();

    private static List<JsonElement> Nodes(JsonElement connection) =>
        connection.GetProperty("edges").EnumerateArray().Select(e => e.GetProperty("node")).ToList();
}
