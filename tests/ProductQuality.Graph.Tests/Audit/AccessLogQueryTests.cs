using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ProductQuality.Graph.Tests.Infrastructure;

namespace ProductQuality.Graph.Tests.Audit;

/// <summary>
/// The regulator reads the log: filtered by department, enterprise, purpose, outcome and days, paged by cursor,
/// counted by department, purpose and day. A county bureau reads only entries that returned its county's
/// enterprises, and of them only its county's codes; partners have no access log at all.
/// </summary>
[Collection(AccessLogServerCollection.Name)]
public sealed class AccessLogQueryTests(AccessLogServerFactory factory)
{
    private const string Log = """
        query($f: AccessLogFilter, $n: Int, $a: String) { accessLog(filter: $f, first: $n, after: $a) {
          totalCount pageInfo { hasNextPage endCursor }
          edges { node { seq at department subject purpose outcome status errorCode creditCodes fieldGroups hash
            documentSha256 variablesSha256 } } } }
        """;

    private const string Summary = """
        query($f: AccessLogFilter) { accessSummary(filter: $f) { total byDepartment { key count }
          byPurpose { key count } byDay { key count } byOutcome { key count } } }
        """;

    [Fact]
    public async Task The_regulator_finds_who_received_an_enterprise_and_why()
    {
        var (mine, other) = await TwoEnterprisesAsync();
        var purpose = AccessLogProbe.NewPurpose("loan-review");
        (await factory.ClientFor("finance").PostAsync("query($c: String!) { enterprise(creditCode: $c) { name } }",
            purpose, new { c = mine.Code })).EnsureData();
        (await factory.ClientFor("drc").PostAsync("query($c: String!) { enterprise(creditCode: $c) { name } }",
            AccessLogProbe.NewPurpose("credit-check"), new { c = other.Code })).EnsureData();

        var found = Nodes(await ReadAsync("samr-jiaxing", new { creditCode = mine.Code }));
        var entry = Assert.Single(found, n => n.GetProperty("purpose").GetString() == purpose);
        Assert.Equal("finance", entry.GetProperty("department").GetString());
        Assert.Equal("OK", entry.GetProperty("outcome").GetString());
        Assert.Equal(new[] { mine.Code }, entry.GetProperty("creditCodes").EnumerateArray().Select(c => c.GetString()));
        Assert.All(found, n => Assert.Contains(mine.Code,
            n.GetProperty("creditCodes").EnumerateArray().Select(c => c.GetString())));

        Assert.Single(Nodes(await ReadAsync("samr-jiaxing", new { purpose, department = "finance", outcome = "OK" })));
        Assert.Empty(Nodes(await ReadAsync("samr-jiaxing", new { purpose, department = "drc" })));
        Assert.Empty(Nodes(await ReadAsync("samr-jiaxing", new { purpose, outcome = "FORBIDDEN" })));
        var today = TodayInChina();
        Assert.Single(Nodes(await ReadAsync("samr-jiaxing", new { purpose, from = Day(today), to = Day(today) })));
        Assert.Empty(Nodes(await ReadAsync("samr-jiaxing", new { purpose, to = Day(today.AddDays(-1)) })));
        Assert.Empty(Nodes(await ReadAsync("samr-jiaxing", new { purpose, from = Day(today.AddDays(1)) })));
    }

    [Fact]
    public async Task A_county_bureau_reads_only_entries_and_codes_of_its_own_county()
    {
        var (mine, other) = await TwoEnterprisesAsync();
        var purpose = AccessLogProbe.NewPurpose("both");
        (await factory.ClientFor("finance").PostAsync(
            "query($a: [String!]!) { enterpriseStatuses(creditCodes: $a) { known } }", purpose,
            new { a = new[] { mine.Code, other.Code } })).EnsureData();
        var elsewhere = AccessLogProbe.NewPurpose("elsewhere");
        (await factory.ClientFor("finance").PostAsync(
            "query($a: [String!]!) { enterpriseStatuses(creditCodes: $a) { known } }", elsewhere,
            new { a = new[] { other.Code } })).EnsureData();

        var bureau = $"samr-{mine.County}";
        var both = Assert.Single(Nodes(await ReadAsync(bureau, new { purpose })));
        Assert.Equal(new[] { mine.Code }, both.GetProperty("creditCodes").EnumerateArray().Select(c => c.GetString()));
        // Not its place in the chain: the gaps between seqs counted the requests the bureau may not see.
        Assert.Equal(JsonValueKind.Null, both.GetProperty("seq").ValueKind);
        Assert.Equal(JsonValueKind.Null, both.GetProperty("hash").ValueKind);
        // Nor what another department sent: its variables held the other county's code, and their hash confirmed it.
        Assert.Equal(JsonValueKind.Null, both.GetProperty("documentSha256").ValueKind);
        Assert.Equal(JsonValueKind.Null, both.GetProperty("variablesSha256").ValueKind);
        Assert.Empty(Nodes(await ReadAsync(bureau, new { purpose = elsewhere })));
        Assert.Empty(Nodes(await ReadAsync(bureau, new { creditCode = other.Code })));
        Assert.Single(Nodes(await ReadAsync(bureau, new { purpose, creditCode = mine.Code })));
        var cityView = Assert.Single(Nodes(await ReadAsync("samr-jiaxing", new { purpose })));
        Assert.Equal(2, cityView.GetProperty("creditCodes").GetArrayLength());
        Assert.True(cityView.GetProperty("seq").GetInt64() > 0);
        Assert.Equal(64, cityView.GetProperty("hash").GetString()!.Length);
        Assert.Equal(64, cityView.GetProperty("variablesSha256").GetString()!.Length);
        // Its own requests' hashes are its own to check.
        var own = AccessLogProbe.NewPurpose("own");
        (await factory.ClientFor(bureau).PostAsync("query($c: String!) { enterprise(creditCode: $c) { name } }", own,
            new { c = mine.Code })).EnsureData();
        var ownEntry = Assert.Single(Nodes(await ReadAsync(bureau, new { purpose = own })));
        Assert.Equal(64, ownEntry.GetProperty("documentSha256").GetString()!.Length);
        Assert.Equal(64, ownEntry.GetProperty("variablesSha256").GetString()!.Length);
        var summary = (await factory.ClientFor(bureau)
                .PostAsync(Summary, null, new { f = new { purpose = elsewhere } }))
            .EnsureData().Data.GetProperty("accessSummary");
        Assert.Equal(0, summary.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Paging_through_the_log_visits_every_entry_once_newest_first()
    {
        for (var i = 0; i < 12; i++)
        {
            (await factory.ClientFor("finance").PostAsync("{ productCategories { code } }", "paging")).EnsureData();
        }

        var filter = new { purpose = "paging" };
        var total = (await ReadAsync("samr-jiaxing", filter, 1)).GetProperty("totalCount").GetInt32();
        var seen = new List<long>();
        string? after = null;
        do
        {
            var page = await ReadAsync("samr-jiaxing", filter, 5, after);
            seen.AddRange(Nodes(page).Select(n => n.GetProperty("seq").GetInt64()));
            after = page.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean()
                ? page.GetProperty("pageInfo").GetProperty("endCursor").GetString()
                : null;
        }
        while (after is not null);

        Assert.True(total >= 12);
        Assert.Equal(total, seen.Count);
        Assert.Equal(seen.OrderDescending(), seen);
        Assert.Equal(seen.Count, seen.Distinct().Count());
    }

    [Fact]
    public async Task The_summary_counts_by_department_purpose_day_and_outcome()
    {
        var purpose = AccessLogProbe.NewPurpose("summary");
        for (var i = 0; i < 3; i++)
        {
            (await factory.ClientFor("finance").PostAsync("{ productCategories { code } }", purpose)).EnsureData();
        }

        await factory.ClientFor("finance").PostAsync("{ nope }", purpose);
        var summary = (await factory.ClientFor("samr-jiaxing").PostAsync(Summary, null, new { f = new { purpose } }))
            .EnsureData().Data.GetProperty("accessSummary");

        Assert.Equal(4, summary.GetProperty("total").GetInt32());
        Assert.Equal(new (string?, int)[] { ("finance", 4) }, Counts(summary, "byDepartment"));
        Assert.Equal(new (string?, int)[] { (purpose, 4) }, Counts(summary, "byPurpose"));
        Assert.Equal(new (string?, int)[] { (Day(TodayInChina()), 4) }, Counts(summary, "byDay"));
        Assert.Equal(new (string?, int)[] { ("OK", 3), ("VALIDATION_ERROR", 1) }, Counts(summary, "byOutcome"));

        var all = await factory.DbAsync(db => db.AccessLog.CountAsync());
        var everything = (await factory.ClientFor("samr-jiaxing").PostAsync(Summary, purpose: null)).EnsureData()
            .Data.GetProperty("accessSummary");
        Assert.Equal(all, everything.GetProperty("total").GetInt32());
        Assert.Equal(all, Counts(everything, "byDay").Sum(d => d.Count));
    }

    [Theory]
    [InlineData("finance")]
    [InlineData("yrd-partner")]
    [InlineData(null)]
    public async Task Partners_have_no_access_log(string? department)
    {
        var reply = await factory.ClientFor(department)
            .PostAsync("{ accessLog(first: 1) { totalCount } }", purpose: null);
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, reply.Status);
        Assert.Equal("FIELDS_ON_CORRECT_TYPE", reply.FirstErrorCode);
    }

    /// <summary>
    /// An entry's codes are read only when a field asks for them: an entry of a 10,000-code check holds 10,000 rows,
    /// and ten pages of 500 that asked only for positions ran past the timeout reading them.
    /// </summary>
    [Fact]
    public async Task An_entrys_codes_are_read_only_when_asked()
    {
        var client = factory.ClientFor("samr-jiaxing");
        (await client.PostAsync("{ __typename }")).EnsureData();
        foreach (var (selection, reads) in new[]
        {
            ("edges { node { seq hash } }", false), ("items { seq }", false),
            ("edges { node { seq creditCodes } }", true), ("items { ...on AccessLogEntry { creditCodes } }", true),
        })
        {
            factory.Sql.Reset();
            (await client.PostAsync($"{{ accessLog(first: 20) {{ {selection} }} }}")).EnsureData();
            var readCodes = factory.Sql.Texts.Any(t => t.Contains("FROM \"AccessLogCodes\"", StringComparison.Ordinal));
            Assert.True(reads == readCodes, $"{selection}: {string.Join("\n", factory.Sql.Texts)}");
        }
    }

    /// <summary>The cost of a page counts each entry's codes at its limit; a limit out of range is refused.</summary>
    [Theory]
    [InlineData("accessLog(first: 10) { edges { node { creditCodes(limit: 10000) } } }", "QUERY_TOO_COMPLEX")]
    [InlineData("accessLog(first: 5) { edges { node { a: creditCodes b: creditCodes(limit: 10001) } } }",
        "PAGE_TOO_LARGE")]
    [InlineData("accessLog(first: 5) { items { creditCodes(limit: -1) } }", "INVALID_ARGUMENT")]
    public async Task Asking_many_codes_of_many_entries_is_refused_before_it_runs(string selection, string code)
    {
        var reply = await factory.ClientFor("samr-jiaxing").PostAsync($"{{ {selection} }}");
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, reply.Status);
        Assert.Equal(code, reply.FirstErrorCode);
        Assert.False(reply.Json.TryGetProperty("data", out _), reply.Body);
    }

    [Fact]
    public async Task An_entrys_codes_and_their_count_are_priced_as_the_statements_they_take()
    {
        // A probe's county bureau request: 2.8 s of CPU (a statement per large entry, a count in the county) for an
        // estimate of 48,000 under the budget of 50,000. Each entry now adds 20 for the count, 7 + 60 for the codes.
        var aliases = string.Join(' ', Enumerable.Range(0, 8).Select(i =>
            $"a{i}: accessLog(first: 500) {{ items {{ creditCodeCount creditCodes(limit: 7) }} }}"));

        var reply = await factory.ClientFor("samr-330481").PostAsync($"{{ {aliases} }}");

        Assert.Equal("QUERY_TOO_COMPLEX", reply.FirstErrorCode);
        Assert.Equal(8 * (2_000 + 500 * (1 + 20 + 7 + 60)),
            reply.Json.GetProperty("errors")[0].GetProperty("extensions").GetProperty("cost").GetInt64());
    }

    private async Task<JsonElement> ReadAsync(
        string department, object? filter, int first = 100, string? after = null) =>
        (await factory.ClientFor(department).PostAsync(Log, null, new { f = filter, n = first, a = after }))
        .EnsureData().Data.GetProperty("accessLog");

    private static List<JsonElement> Nodes(JsonElement connection) =>
        connection.GetProperty("edges").EnumerateArray().Select(e => e.GetProperty("node")).ToList();

    private static List<(string? Key, int Count)> Counts(JsonElement summary, string name) =>
        summary.GetProperty(name).EnumerateArray()
            .Select(c => (c.GetProperty("key").GetString(), c.GetProperty("count").GetInt32())).ToList();

    private static DateOnly TodayInChina() => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private async Task<(Subject Mine, Subject Other)> TwoEnterprisesAsync()
    {
        var rows = await factory.DbAsync(db => db.Enterprises.AsNoTracking().OrderBy(e => e.Id)
            .Select(e => new Subject(e.CreditCode, e.CountyCode)).ToListAsync());
        var mine = rows.First(r => r.County == "330481");
        return (mine, rows.First(r => r.County != mine.County));
    }

    private sealed record Subject(string Code, string County);
}
