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
