using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ProductQuality.Graph.Audit.CodeIndex;
using ProductQuality.Graph.Tests.Infrastructure;

namespace ProductQuality.Graph.Tests.Audit.CodeIndex;

/// <summary>
/// The access log's look-up by credit code is filled behind the commit (<see cref="AccessLogCodeIndexer"/>), so at
/// any moment some codes are indexed and the newest are not. Whatever the index has reached, every way in by code —
/// the regulator's <c>accessLog(filter: {creditCode})</c>, <c>whoAccessed</c>, a county bureau's, an enterprise
/// token's — must find exactly the entries whose answers returned that code, as the entries' own code rows say; and
/// indexers running at once, with appends, copy every code exactly once. Seeded random traffic, real server, real
/// database (the background indexer is held back so the test decides when a batch runs).
/// </summary>
public abstract class CodeIndexTests
{
    /// <summary>Batches of 1,000 codes (the least allowed) against requests of up to 300: batches end mid-traffic.
    /// </summary>
    protected static readonly Dictionary<string, string> Settings = new()
    {
        ["AccessLog:CodeIndexIntervalMilliseconds"] = "600000",
        ["AccessLog:CodeIndexBatchCodes"] = "1000",
    };

    private const string ByCode = """
        query($c: String!) { accessLog(filter: { creditCode: $c }, first: 100) {
          totalCount edges { node { seq } } } }
        """;

    private const string Tracker = """
        query($c: String!) { whoAccessed(creditCode: $c, first: 100) { totalCount edges { node { purpose } } } }
        """;

    private const string OwnTracker = "{ whoAccessed(first: 100) { totalCount edges { node { purpose } } } }";

    private const string Statuses = "query($a: [String!]!) { enterpriseStatuses(creditCodes: $a) { known class } }";

    protected abstract TestServerFactory NewServer();

    [ProviderFact]
    public async Task Whatever_the_index_has_reached_every_way_in_by_code_finds_exactly_the_entries_that_returned_it()
    {
        using var server = NewServer();
        var indexer = server.Services.GetRequiredService<AccessLogCodeIndexer>();
        var enterprises = await server.DbAsync(db => db.Enterprises.AsNoTracking().OrderBy(e => e.Id)
            .Select(e => new Subject(e.CreditCode, e.CountyCode)).ToListAsync());
        var random = new Random(20261203);
        var probes = enterprises.OrderBy(_ => random.Next()).Take(8).ToList();
        var finance = server.ClientFor("finance");
        var regulator = server.ClientFor("samr-jiaxing");
        var batches = 0;

        for (var round = 0; round < 20; round++)
        {
            for (var r = random.Next(1, 4); r > 0; r--)
            {
                (await finance.PostAsync(Statuses, AccessLogProbe.NewPurpose("traffic"),
                    new { a = Subset(random, enterprises, probes) })).EnsureData();
            }

            if (random.Next(2) == 0)
            {
                batches += await indexer.BatchAsync(CancellationToken.None) > 0 ? 1 : 0;
            }

            foreach (var probe in probes)
            {
                await AssertFoundExactlyAsync(server, regulator, probe, round);
            }

            foreach (var county in probes.Select(p => p.County).Distinct())
            {
                await AssertCountyFindsExactlyAsync(server, county, round);
            }
        }

        // Some rounds ran with part of the traffic indexed, some with none of the latest: both paths were read.
        Assert.InRange(batches, 3, 20);
        await indexer.CatchUpAsync(null, CancellationToken.None);
        await AssertIndexIsACopyOfTheCodesAsync(server, complete: true);
        foreach (var probe in probes)
        {
            await AssertFoundExactlyAsync(server, regulator, probe, round: 20);
            await AssertOtherReadersFindTheSameAsync(server, probe);
        }
    }

    [ProviderFact]
    public async Task Indexers_running_at_once_while_requests_append_copy_every_code_exactly_once()
    {
        using var server = NewServer();
        using var second = SecondServer(server);
        var other = second ?? server;
        var enterprises = await server.DbAsync(db => db.Enterprises.AsNoTracking()
            .Select(e => new Subject(e.CreditCode, e.CountyCode)).ToListAsync());
        var indexers = new[] { server, other }.Select(s => s.Services.GetRequiredService<AccessLogCodeIndexer>())
            .ToList();
        var clients = new[] { server.ClientFor("finance"), other.ClientFor("drc") };
        using var traffic = new CancellationTokenSource();

        var appending = Task.WhenAll(clients.Select(async (client, i) =>
        {
            var random = new Random(i);
            for (var n = 0; n < 40; n++)
            {
                (await client.PostAsync(Statuses, AccessLogProbe.NewPurpose("race"),
                    new { a = Subset(random, enterprises, []) })).EnsureData();
            }
        }));
        var indexing = Task.WhenAll(Enumerable.Range(0, 4).Select(async i =>
        {
            while (!appending.IsCompleted)
            {
                await indexers[i % 2].CatchUpAsync(null, CancellationToken.None);
            }
        }));

        await Task.WhenAll(appending, indexing);
        await indexers[0].CatchUpAsync(null, CancellationToken.None);
        await AssertIndexIsACopyOfTheCodesAsync(server, complete: true);
    }

    /// <summary>Another server over the same database (PostgreSQL), or none (SQLite: the indexers of one server
    /// race each other, serialised by the write lock like any writers).</summary>
    protected abstract TestServerFactory? SecondServer(TestServerFactory first);

    protected static async Task AssertFoundExactlyAsync(TestServerFactory server, HttpClient regulator, Subject probe,
        int round)
    {
        await AssertIndexIsACopyOfTheCodesAsync(server, complete: false);
        var expected = await server.DbAsync(db => db.AccessLogCodes.AsNoTracking()
            .Where(k => k.CreditCode == probe.Code).Select(k => k.EntrySeq).ToListAsync());
        expected = [.. expected.OrderDescending()];
        var found = (await regulator.PostAsync(ByCode, new { c = probe.Code })).EnsureData().Data
            .GetProperty("accessLog");
        Assert.True(expected.Count == found.GetProperty("totalCount").GetInt32(),
            $"round {round}, {probe.Code}: {expected.Count} entries returned it, accessLog counts "
            + found.GetProperty("totalCount").GetInt32());
        Assert.Equal(expected.Take(100), Nodes(found).Select(n => n.GetProperty("seq").GetInt64()));
    }

    /// <summary>
    /// A county bureau's whole log (no filter) is exactly the entries that returned an enterprise of its county,
    /// whatever the look-ups by code and county have reached.
    /// </summary>
    private static async Task AssertCountyFindsExactlyAsync(TestServerFactory server, string county, int round)
    {
        var expected = await server.DbAsync(db => db.AccessLog.AsNoTracking()
            .Where(e => db.AccessLogCodes.Any(k => k.EntrySeq == e.Seq
                && db.Enterprises.Any(x => x.CreditCode == k.CreditCode && x.CountyCode == county)))
            .OrderByDescending(e => e.Seq).Select(e => e.RequestId).ToListAsync());
        // By request id: a county bureau does not see an entry's place in the chain (seq is null for it).
        var found = (await server.ClientFor($"samr-{county}").PostAsync(
                "{ accessLog(first: 100) { totalCount edges { node { requestId } } } }")).EnsureData().Data
            .GetProperty("accessLog");
        Assert.True(expected.Count == found.GetProperty("totalCount").GetInt32(),
            $"round {round}, county {county}: {expected.Count} entries, the bureau counts "
            + found.GetProperty("totalCount").GetInt32());
        Assert.Equal(expected.Take(100), Nodes(found).Select(n => n.GetProperty("requestId").GetString()));
    }

    /// <summary>The tracker, the probe's county bureau and the enterprise's own token see what the regulator sees.
    /// </summary>
    private static async Task AssertOtherReadersFindTheSameAsync(TestServerFactory server, Subject probe)
    {
        var expected = await server.DbAsync(db => db.AccessLog.AsNoTracking()
            .Where(e => db.AccessLogCodes.Any(k => k.EntrySeq == e.Seq && k.CreditCode == probe.Code))
            .OrderByDescending(e => e.Seq).Select(e => e.Purpose).ToListAsync());
        foreach (var (who, client, query) in new[]
        {
            ("regulator", server.ClientFor("samr-jiaxing"), Tracker),
            ("county bureau", server.ClientFor($"samr-{probe.County}"), Tracker),
            ("enterprise", server.ClientForEnterprise(probe.Code), OwnTracker),
        })
        {
            var tracker = (await client.PostAsync(query, new { c = probe.Code })).EnsureData().Data
                .GetProperty("whoAccessed");
            Assert.True(expected.Count == tracker.GetProperty("totalCount").GetInt32(), $"{who}, {probe.Code}");
            Assert.Equal(expected.Take(100), Nodes(tracker).Select(n => n.GetProperty("purpose").GetString()));
        }

        var bureau = (await server.ClientFor($"samr-{probe.County}").PostAsync(ByCode, new { c = probe.Code }))
            .EnsureData().Data.GetProperty("accessLog");
        Assert.Equal(expected.Count, bureau.GetProperty("totalCount").GetInt32());
    }

    /// <summary>The look-up holds exactly the codes of the entries up to its mark (all of them once caught up).
    /// </summary>
    protected static async Task AssertIndexIsACopyOfTheCodesAsync(TestServerFactory server, bool complete)
    {
        var (mark, codes, indexed) = await server.DbAsync(async db =>
        {
            var through = await db.CodeIndexMarks.Select(m => m.IndexedThroughSeq).SingleAsync();
            var rows = await db.AccessLogCodes.AsNoTracking().Where(k => k.EntrySeq <= through || complete)
                .Select(k => new { k.EntrySeq, k.CreditCode }).ToListAsync();
            var copies = await db.AccessLogCodeIndex.AsNoTracking()
                .Select(k => new { k.EntrySeq, k.CreditCode }).ToListAsync();
            return (through, rows.Select(r => (r.EntrySeq, r.CreditCode)).ToList(),
                copies.Select(r => (r.EntrySeq, r.CreditCode)).ToList());
        });
        Assert.True(mark >= 0);
        Assert.Equal(codes.Order(), indexed.Order());

        // The look-up by county: each entry up to the mark once per county of the enterprises it returned.
        var (counties, countyIndex) = await server.DbAsync(async db =>
        {
            var through = complete ? long.MaxValue : mark;
            var derived = await db.AccessLogCodes.AsNoTracking().Where(k => k.EntrySeq <= through)
                .Join(db.Enterprises, k => k.CreditCode, x => x.CreditCode, (k, x) => new { x.CountyCode, k.EntrySeq })
                .Distinct().ToListAsync();
            var rows = await db.AccessLogCountyIndex.AsNoTracking().Select(i => new { i.County, i.EntrySeq })
                .ToListAsync();
            return (derived.Select(d => (d.CountyCode, d.EntrySeq)).ToList(),
                rows.Select(r => (r.County, r.EntrySeq)).ToList());
        });
        Assert.Equal(counties.Order(), countyIndex.Order());
    }

    /// <summary>1 to 300 codes: often each probe, some codes twice, the rest drawn at random.</summary>
    protected static string[] Subset(Random random, List<Subject> enterprises, List<Subject> probes)
    {
        var codes = probes.Where(_ => random.Next(2) == 0).Select(p => p.Code).ToList();
        codes.AddRange(Enumerable.Range(0, random.Next(1, 300 - codes.Count))
            .Select(_ => enterprises[random.Next(enterprises.Count)].Code));
        return [.. codes];
    }

    private static IEnumerable<JsonElement> Nodes(JsonElement connection) =>
        connection.GetProperty("edges").EnumerateArray().Select(e => e.GetProperty("node"));

    protected sealed record Subject(string Code, string County);
}

/// <summary>The <see cref="CodeIndexTests"/> on a SQLite file of their own.</summary>
public sealed class CodeIndexOnSqliteTests : CodeIndexTests
{
    protected override TestServerFactory NewServer() => new CodeIndexServerFactory();

    /// <summary>An indexer that cannot write (here a trigger refuses its inserts) fails only itself: requests are
    /// answered and logged, look-ups by code still find every entry, and once it can write again it catches up.
    /// </summary>
    [Fact]
    public async Task A_failing_indexer_fails_neither_requests_nor_look_ups_and_catches_up_later()
    {
        using var server = new CodeIndexServerFactory();
        var indexer = server.Services.GetRequiredService<AccessLogCodeIndexer>();
        var enterprises = await server.DbAsync(db => db.Enterprises.AsNoTracking().OrderBy(e => e.Id)
            .Select(e => new Subject(e.CreditCode, e.CountyCode)).ToListAsync());
        var probe = enterprises[7];
        var finance = server.ClientFor("finance");
        var regulator = server.ClientFor("samr-jiaxing");
        var random = new Random(7);
        await Statuses(finance, Subset(random, enterprises, [probe]));
        await indexer.CatchUpAsync(null, CancellationToken.None);

        await server.DbAsync(db => db.Database.ExecuteSqlRawAsync("""
            CREATE TRIGGER "BrokenIndex" BEFORE INSERT ON "AccessLogCodeIndex" BEGIN SELECT RAISE(ABORT, 'broken'); END
            """));
        for (var i = 0; i < 5; i++)
        {
            await Statuses(finance, Subset(random, enterprises, [probe]));
        }

        await Assert.ThrowsAnyAsync<Exception>(() => indexer.BatchAsync(CancellationToken.None));
        await AssertFoundExactlyAsync(server, regulator, probe, round: 0);

        await server.DbAsync(db => db.Database.ExecuteSqlRawAsync("""DROP TRIGGER "BrokenIndex" """));
        await indexer.CatchUpAsync(null, CancellationToken.None);
        await AssertIndexIsACopyOfTheCodesAsync(server, complete: true);
        await AssertFoundExactlyAsync(server, regulator, probe, round: 1);
    }

    /// <summary>With nothing past the mark, a batch takes no write lock: an idle server's indexer runs every second,
    /// and each of its transactions would make the log's writer (or a mutation) wait. Here another connection holds
    /// the lock; before the check, the batch waited out SQLite's busy timeout and failed.</summary>
    [Fact]
    public async Task An_indexer_with_nothing_to_copy_takes_no_write_lock()
    {
        using var server = new CodeIndexServerFactory();
        var indexer = server.Services.GetRequiredService<AccessLogCodeIndexer>();
        var enterprises = await server.DbAsync(db => db.Enterprises.AsNoTracking().OrderBy(e => e.Id)
            .Select(e => new Subject(e.CreditCode, e.CountyCode)).ToListAsync());
        await Statuses(server.ClientFor("finance"), Subset(new Random(3), enterprises, [enterprises[3]]));
        Assert.True(await indexer.BatchAsync(CancellationToken.None) > 0);

        var file = await server.DbAsync(db => Task.FromResult(db.Database.GetConnectionString()!));
        await using var holder = new Microsoft.Data.Sqlite.SqliteConnection(file);
        await holder.OpenAsync();
        await using var writeLock = await holder.BeginTransactionAsync(); // BEGIN IMMEDIATE

        Assert.Equal(0, await indexer.BatchAsync(CancellationToken.None));
    }

    private static async Task Statuses(HttpClient client, string[] codes) =>
        (await client.PostAsync("query($a: [String!]!) { enterpriseStatuses(creditCodes: $a) { known } }",
            AccessLogProbe.NewPurpose("broken"), new { a = codes })).EnsureData();

    protected override TestServerFactory? SecondServer(TestServerFactory first) => null;

    private sealed class CodeIndexServerFactory : GraphServerFactory
    {
        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            foreach (var (key, value) in Settings)
            {
                builder.UseSetting(key, value);
            }
        }
    }
}

/// <summary>The <see cref="CodeIndexTests"/> on a PostgreSQL database of their own, two servers in the race.
/// </summary>
[OnPostgres]
public sealed class CodeIndexOnPostgresTests : CodeIndexTests
{
    private readonly string _database = $"pq_tests_{Guid.NewGuid():N}";

    protected override TestServerFactory NewServer() =>
        new SharedDatabaseServerFactory(_database, owner: true, Settings);

    protected override TestServerFactory? SecondServer(TestServerFactory first)
    {
        _ = first.Services; // migrated and seeded before the second joins
        return new SharedDatabaseServerFactory(_database, owner: false, Settings);
    }
}
