using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ProductQuality.Graph.Infrastructure.Http.Limits;
using ProductQuality.Graph.Tests.Infrastructure;

namespace ProductQuality.Graph.Tests.Limits;

/// <summary>
/// A <c>totalCount</c> of a list that only grows counts the whole list at every call, whatever the page: 200 aliases
/// of <c>changes(first: 0) { totalCount }</c> over a feed of 400,000 events were estimated 200 and took 2.5 s of CPU
/// for a department of the whole city, and ran into the 10 s timeout for a county bureau (the cost probe). On a
/// server of its own: the events added here must not reach the shared servers' feeds.
/// </summary>
public sealed class CountCostTests(WritableServerFactory factory) : IClassFixture<WritableServerFactory>
{
    private const int PerRow = 40;

    // A budget of one row refuses every estimate above it, and the refusal reports the estimate.
    private static readonly Dictionary<string, string> OneRowBudget = new() { ["Access:Limits:MaxCost"] = "1" };

    [Fact]
    public async Task A_count_of_the_change_feed_costs_in_proportion_to_the_feed()
    {
        using var server = new LimitedServer(factory, OneRowBudget);
        var client = server.ClientFor("finance");
        const string Counts = "{ a: changes(first: 0) { totalCount } b: changes(first: 0) { ...Total } } "
            + "fragment Total on ChangeEventConnection { n: totalCount }";

        await RefreshAsync(server);
        var before = await HeadAsync();
        Assert.Equal(2 * (1 + Rows(before)), await EstimateAsync(client, Counts));

        await AddEventsAsync(40_000);
        await RefreshAsync(server);
        var after = await HeadAsync();
        Assert.Equal(before + 40_000, after);
        // The same document again: its estimate moved with the feed, it was not kept from the first request.
        Assert.Equal(2 * (1 + Rows(after)), await EstimateAsync(client, Counts));

        // Once per call whatever the page, and nothing without the count.
        Assert.Equal(500 + Rows(after), await EstimateAsync(client, "{ changes(first: 500) { totalCount } }"));
        (await client.PostAsync("{ changes(first: 0) { pageInfo { endCursor } } }")).EnsureData();

        // The probe's document, with the shipped budget: 200 counts of a feed of 40,000 events are refused unrun.
        await RefreshAsync(factory.Services);
        var probe = "{ " + string.Join(" ", Enumerable.Range(0, 200).Select(i => $"c{i}: changes(first: 0) "
            + "{ totalCount }")) + " }";
        var reply = await factory.ClientFor("samr-330481").PostAsync(probe);
        Assert.Equal("QUERY_TOO_COMPLEX", reply.FirstErrorCode);
        Assert.Equal(200 * (1 + Rows(after)), Cost(reply));
    }

    [Fact]
    public async Task A_count_of_the_access_log_costs_in_proportion_to_the_log()
    {
        using var server = new LimitedServer(factory, OneRowBudget);
        var client = server.ClientFor("samr-jiaxing");
        await RefreshAsync(server);
        var entries = await factory.DbAsync(db => db.AccessLogHeads.Select(h => h.Seq).SingleAsync());
        Assert.True(entries > 0);

        // Its page of none (1), the log's reading (FieldCosts, 2,000) and its count.
        Assert.Equal(1 + 2_000 + ((entries + PerRow - 1) / PerRow),
            await EstimateAsync(client, "{ accessLog(first: 0) { totalCount } }"));
    }

    /// <summary>
    /// Priced one row per 40 without end, an access log of 2,000,000 entries — weeks of a city's traffic — put every
    /// <c>totalCount</c> of it and every <c>accessSummary</c> over the budget: the regulator could count nothing. A
    /// count is priced at most <c>MaxCountedRows</c>; a summary's total alone as one count of the log on top of its
    /// reading (each grouping asked another: AccessLogCostTests).
    /// </summary>
    [Fact]
    public async Task A_count_is_priced_at_most_MaxCountedRows_and_a_summarys_total_as_one()
    {
        using var server = new LimitedServer(factory, new Dictionary<string, string>(OneRowBudget)
        {
            ["GraphQL:Limits:CountedRowsPerRow"] = "1", ["GraphQL:Limits:MaxCountedRows"] = "3",
        });
        var client = server.ClientFor("samr-jiaxing");
        await AddEventsAsync(10);
        for (var i = 0; i < 4; i++)
        {
            (await client.PostAsync("{ city { name } }")).EnsureData();
        }

        await RefreshAsync(server);
        Assert.Equal(1 + 3, await EstimateAsync(client, "{ changes(first: 0) { totalCount } }"));
        Assert.Equal(1 + 2_000 + 3, await EstimateAsync(client, "{ accessLog(first: 0) { totalCount } }"));
        Assert.Equal(1 + 2_000 + 3, await EstimateAsync(client, "{ accessSummary { total } }"));

        // The refusal says what cost: page advice alone misled for a count, which costs the same on any page.
        var message = (await client.PostAsync("{ changes(first: 1) { totalCount } }")).Json.GetProperty("errors")[0]
            .GetProperty("message").GetString();
        Assert.Contains("A totalCount of the change feed or the access log, each grouping of accessSummary, and an "
            + "accessLog page filtered by purpose, outcome or an end day (to) count the whole list", message,
            StringComparison.Ordinal);
        var pages = (await client.PostAsync("{ enterprises(first: 5) { edges { node { name } } } }"))
            .Json.GetProperty("errors")[0].GetProperty("message").GetString();
        Assert.DoesNotContain("totalCount", pages, StringComparison.Ordinal);
    }

    /// <summary>
    /// The log's retention archives its oldest entries and removes them from the table: the count is priced by the
    /// entries the table holds, not by every entry ever written (the head's position).
    /// </summary>
    [Fact]
    public async Task A_count_of_the_access_log_is_priced_by_the_entries_the_table_holds()
    {
        using var server = new LimitedServer(factory, new Dictionary<string, string>(OneRowBudget)
        {
            ["GraphQL:Limits:CountedRowsPerRow"] = "1",
        });
        var client = server.ClientFor("samr-jiaxing");
        for (var i = 0; i < 12; i++)
        {
            (await client.PostAsync("{ city { name } }")).EnsureData();
        }

        // As the archiver leaves the table: its oldest entries gone, their codes with them.
        await factory.DbAsync(db => db.Database.ExecuteSqlAsync(
            $"DELETE FROM AccessLog WHERE Seq < (SELECT MIN(Seq) + 10 FROM AccessLog)"));
        await RefreshAsync(server);
        var held = await factory.DbAsync(db => db.AccessLog.LongCountAsync());
        var head = await factory.DbAsync(db => db.AccessLogHeads.Select(h => h.Seq).SingleAsync());
        Assert.True(head > held, $"head {head}, {held} entries held");
        Assert.Equal(1 + 2_000 + held, await EstimateAsync(client, "{ accessLog(first: 0) { totalCount } }"));
    }

    private static long Rows(long events) => (events + PerRow - 1) / PerRow;

    private static async Task<long> EstimateAsync(HttpClient client, string query)
    {
        var reply = await client.PostAsync(query);
        Assert.Equal("QUERY_TOO_COMPLEX", reply.FirstErrorCode);
        return Cost(reply);
    }

    private static long Cost(GraphQLReply reply) =>
        reply.Json.GetProperty("errors")[0].GetProperty("extensions").GetProperty("cost").GetInt64();

    private static Task RefreshAsync(LimitedServer server) => RefreshAsync(server.Services);

    private static Task RefreshAsync(IServiceProvider services) =>
        services.GetRequiredService<CountedLists>().RefreshAsync();

    private Task<long> HeadAsync() =>
        factory.DbAsync(async db => await db.ChangeEvents.MaxAsync(c => (long?)c.Id) ?? 0);

    // Straight into the table, as a long-running feed holds them: the recording path would take minutes.
    private async Task AddEventsAsync(int count) => await factory.DbAsync(db => db.Database.ExecuteSqlAsync($"""
        WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {count})
        INSERT INTO ChangeEvents (Kind, EnterpriseId, CreditCode, CountyCode, NewValue, EffectiveFrom, Correction,
            Reason, RecordedAtUtc)
        SELECT CASE i % 3 WHEN 0 THEN 'Class' WHEN 1 THEN 'MapColour' ELSE 'Blacklist' END, 1,
            '91330481704213653E', CASE i % 7 WHEN 0 THEN '330481' ELSE '330402' END, 'A', '2026-01-01', 0, '[]',
            '2026-01-01 00:00:00'
        FROM n
        """));
}
