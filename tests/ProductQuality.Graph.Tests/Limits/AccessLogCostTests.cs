using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ProductQuality.Graph.Infrastructure.Http.Limits;
using ProductQuality.Graph.Tests.Infrastructure;

namespace ProductQuality.Graph.Tests.Limits;

/// <summary>
/// The access log's readers are priced by the statements they run, each reading every entry in range as a count
/// does: <c>accessSummary</c> was priced as three counts but ran four group-bys whatever was asked (its total alone
/// 3.6-4.5 s on a log of 2,000,000 entries, against 0.4-0.5 s for a count), and a page filtered by a condition no
/// index serves (purpose, outcome) read the whole log when nothing matched, priced at its page: 20 aliases of
/// <c>accessLog(first: 1, filter: {purpose: "nomatch"})</c> fitted the budget and ran into the timeout (the cost
/// probe). On a server of its own: the entries added here must not reach the shared servers' logs.
/// </summary>
public sealed class AccessLogCostTests(WritableServerFactory factory) : IClassFixture<WritableServerFactory>
{
    // Every count of the log priced at 3 rows (the log holds more entries than that): the estimates below are exact.
    private static readonly Dictionary<string, string> CountsOfThree = new()
    {
        ["Access:Limits:MaxCost"] = "1",
        ["GraphQL:Limits:CountedRowsPerRow"] = "1",
        ["GraphQL:Limits:MaxCountedRows"] = "3",
    };

    private const int Count = 3;

    // The summary's row and its reading (FieldCosts, 2,000); each grouping list counts 10 rows (DefaultListSize).
    private const int Summary = 1 + 2_000;

    [Fact]
    public async Task A_summary_is_priced_by_the_groupings_it_asks_for()
    {
        using var server = new LimitedServer(factory, CountsOfThree);
        var client = await ClientWithLogAsync(server);

        Assert.Equal(Summary + Count, await EstimateAsync(client, "{ accessSummary { total } }"));
        Assert.Equal(Summary, await EstimateAsync(client, "{ accessSummary { __typename } }"));
        Assert.Equal(Summary + 10 + Count, await EstimateAsync(client, "{ accessSummary { byDay { key } } }"));
        // The total beside a grouping is its sum: no statement of its own.
        Assert.Equal(Summary + 10 + Count,
            await EstimateAsync(client, "{ accessSummary { total byPurpose { key count } } }"));
        Assert.Equal(Summary + (4 * 10) + (4 * Count), await EstimateAsync(client,
            "{ accessSummary { total byDepartment { key } byPurpose { key } byOutcome { key } byDay { key } } }"));
        // Through aliases and fragments, each grouping once however often it is asked.
        Assert.Equal(Summary + (3 * 10) + (2 * Count), await EstimateAsync(client,
            "{ accessSummary { ...S ... on AccessSummary { d: byDay { count } } } } "
            + "fragment S on AccessSummary { t: total p: byPurpose { count } q: byPurpose { key } }"));
    }

    [Fact]
    public async Task A_summary_answers_what_it_is_asked_for_alone_or_together()
    {
        var client = factory.ClientFor("samr-jiaxing");
        using var declaring = factory.ClientFor("samr-jiaxing");
        declaring.DefaultRequestHeaders.Add("X-Purpose", "loan-review");
        (await declaring.PostAsync("{ city { name } }")).EnsureData();
        (await client.PostAsync("{ city { name } }")).EnsureData();
        Assert.NotNull((await client.PostAsync("{ nosuchfield }")).FirstErrorCode); // a second outcome

        // One request: every part reads the same log.
        var data = (await client.PostAsync("""
            { accessLog(first: 0) { totalCount }
              alone: accessSummary { total }
              purposes: accessSummary { total byPurpose { key count } }
              outcomes: accessSummary { byOutcome { key count } byDepartment { count } } }
            """)).EnsureData().Json.GetProperty("data");
        var all = data.GetProperty("accessLog").GetProperty("totalCount").GetInt32();
        Assert.True(all >= 3, data.ToString());
        Assert.True(data.GetProperty("outcomes").GetProperty("byOutcome").GetArrayLength() >= 2, data.ToString());
        Assert.Equal(all, data.GetProperty("alone").GetProperty("total").GetInt32());
        Assert.Equal(all, data.GetProperty("purposes").GetProperty("total").GetInt32());
        Assert.Equal(all, Sum(data.GetProperty("purposes").GetProperty("byPurpose")));
        Assert.Contains(data.GetProperty("purposes").GetProperty("byPurpose").EnumerateArray(),
            p => p.GetProperty("key").GetString() == "loan-review");
        Assert.Equal(all, Sum(data.GetProperty("outcomes").GetProperty("byOutcome")));
        Assert.Equal(all, Sum(data.GetProperty("outcomes").GetProperty("byDepartment")));
    }

    [Fact]
    public async Task A_page_filtered_by_purpose_or_outcome_is_priced_as_a_count_of_the_log()
    {
        using var server = new LimitedServer(factory, CountsOfThree);
        var client = await ClientWithLogAsync(server);
        const string Page = "{ edges { node { seq } } }";

        // Its page of one row and the log's reading (FieldCosts, 2,000), and the scan no index serves.
        Assert.Equal(1 + 2_000 + Count, await EstimateAsync(client,
            $$"""{ accessLog(first: 1, filter: {purpose: "nomatch"}) {{Page}} }"""));
        Assert.Equal(1 + 2_000 + Count, await EstimateAsync(client,
            $$"""{ accessLog(first: 1, filter: {outcome: FORBIDDEN, department: "finance"}) {{Page}} }"""));
        // The indexes serve a department and a first day: the page alone.
        Assert.Equal(1 + 2_000, await EstimateAsync(client,
            $$"""{ accessLog(first: 1, filter: {department: "nomatch", from: "2026-01-01"}) {{Page}} }"""));
        // A last day leaves every entry after it to read: PostgreSQL walked them all (1.1 s past 476,801 entries).
        Assert.Equal(1 + 2_000 + Count, await EstimateAsync(client,
            $$"""{ accessLog(first: 1, filter: {from: "2026-01-01", to: "2026-06-30"}) {{Page}} }"""));
        Assert.Equal(1 + 2_000, await EstimateAsync(client,
            $$"""{ accessLog(first: 1, filter: {purpose: null}) {{Page}} }"""));

        // Sent in variables: the whole filter, or the condition.
        const string WholeFilter = "query($f: AccessLogFilter) { accessLog(first: 1, filter: $f) " + Page + " }";
        Assert.Equal(1 + 2_000 + Count,
            await EstimateAsync(client, WholeFilter, new { f = new { outcome = "OK" } }));
        Assert.Equal(1 + 2_000, await EstimateAsync(client, WholeFilter, new { f = new { department = "x" } }));
        Assert.Equal(1 + 2_000 + Count,
            await EstimateAsync(client, WholeFilter, new { f = new { to = "2026-06-30" } }));
        const string Condition = "query($p: String) { accessLog(first: 1, filter: {purpose: $p}) " + Page + " }";
        Assert.Equal(1 + 2_000 + Count, await EstimateAsync(client, Condition, new { p = "nomatch" }));
        Assert.Equal(1 + 2_000, await EstimateAsync(client, Condition, new { p = (string?)null }));

        // No page read (first: 0 without its page info): its count alone; with the page, both scans.
        Assert.Equal(1 + 2_000 + Count, await EstimateAsync(client,
            """{ accessLog(first: 0, filter: {purpose: "nomatch"}) { totalCount } }"""));
        Assert.Equal(1 + 2_000 + Count, await EstimateAsync(client,
            """{ accessLog(first: 0, filter: {purpose: "nomatch"}) { pageInfo { hasNextPage } } }"""));
        Assert.Equal(1 + 2_000 + (2 * Count), await EstimateAsync(client,
            $$"""{ accessLog(first: 1, filter: {purpose: "nomatch"}) { totalCount {{Page[1..^1]}} } }"""));
    }

    /// <summary>
    /// The probe's document, with the shipped budget, on a log of 40,000 entries more (written with SQL, as a long
    /// log holds them): refused unrun, where its estimate of 20 pages of one row let it run.
    /// </summary>
    [Fact]
    public async Task Aliased_filtered_pages_of_a_long_log_are_refused_unrun()
    {
        var client = factory.ClientFor("samr-330481");
        (await client.PostAsync("{ city { name } }")).EnsureData();
        await AddEntriesAsync(40_000);
        await factory.Services.GetRequiredService<CountedLists>().RefreshAsync();
        var entries = await factory.DbAsync(async db =>
            await db.AccessLogHeads.Select(h => h.Seq).SingleAsync() - await db.AccessLog.MinAsync(e => e.Seq) + 1);
        Assert.True(entries > 40_000);

        const string Alias = """accessLog(first: 1, filter: {purpose: "nomatch"}) { edges { node { seq } } }""";
        (await client.PostAsync("{ " + Alias + " }")).EnsureData();
        var probe = "{ " + string.Join(" ", Enumerable.Range(0, 20).Select(i => $"p{i}: {Alias}")) + " }";
        var reply = await client.PostAsync(probe);
        Assert.Equal("QUERY_TOO_COMPLEX", reply.FirstErrorCode);
        Assert.Equal(20 * (1 + 2_000 + ((entries + 39) / 40)), Cost(reply));
        Assert.Contains("an accessLog page filtered by purpose, outcome or an end day (to) count the whole list",
            reply.Json.GetProperty("errors")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    // A client of the server whose log holds more entries than a count of three, its sizes read.
    private static async Task<HttpClient> ClientWithLogAsync(LimitedServer server)
    {
        var client = server.ClientFor("samr-jiaxing");
        for (var i = 0; i < 4; i++)
        {
            (await client.PostAsync("{ city { name } }")).EnsureData();
        }

        await server.Services.GetRequiredService<CountedLists>().RefreshAsync();
        return client;
    }

    private static async Task<long> EstimateAsync(HttpClient client, string query, object? variables = null)
    {
        var reply = await client.PostAsync(query, variables);
        Assert.Equal("QUERY_TOO_COMPLEX", reply.FirstErrorCode);
        return Cost(reply);
    }

    private static long Cost(GraphQLReply reply) =>
        reply.Json.GetProperty("errors")[0].GetProperty("extensions").GetProperty("cost").GetInt64();

    private static int Sum(JsonElement counts) => counts.EnumerateArray().Sum(c => c.GetProperty("count").GetInt32());

    // Straight into the table after the head, and the head moved to the last of them, as a long-running log holds
    // them (the recording path would take minutes); the writer appends after them. Their hashes chain nothing: this
    // server's log is not verified.
    private async Task AddEntriesAsync(int count) => await factory.DbAsync(async db =>
    {
        await using var transaction = await db.Database.BeginTransactionAsync();
        await db.Database.ExecuteSqlAsync($"""
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {count})
            INSERT INTO AccessLog (Seq, AtUtc, RequestId, Department, FieldGroups, Purpose, Outcome, Status,
                DurationMicroseconds, CodeCount, PreviousHash, Hash)
            SELECT (SELECT Seq FROM AccessLogHeads WHERE Id = 1) + i, '2026-01-01 00:00:00', 'synthetic-' || i,
                'finance', 'public', 'loan-review', 'Ok', 200, 100, 0, printf('%064d', 0), printf('%064d', 0)
            FROM n
            """);
        await db.Database.ExecuteSqlAsync(
            $"UPDATE AccessLogHeads SET Seq = Seq + {count}, Hash = printf('%064d', 0) WHERE Id = 1");
        await transaction.CommitAsync();
        return 0;
    });
}
