using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ProductQuality.Graph.Audit;
using ProductQuality.Graph.Audit.Retention;
using ProductQuality.Graph.Tests.Infrastructure;

namespace ProductQuality.Graph.Tests.Audit.Retention;

/// <summary>
/// Two servers on one PostgreSQL database, sharing one archive folder, both archiving again and again while requests
/// hit both: the archivers take turns under their advisory lock, so the archive files continue one another without
/// overlap or gap, no entry is archived twice or lost, and archive plus table verify as one chain.
/// </summary>
public sealed class ArchiveOnPostgresTests : IDisposable
{
    private const int Requests = 160;
    private const int Concurrency = 8;
    private const int RunsPerServer = 6;
    private readonly string _archive = Directory.CreateTempSubdirectory("pq-archive-pg-").FullName;

    [PostgresFact]
    public async Task Two_servers_archiving_while_both_write_leave_one_intact_chain()
    {
        var database = $"pq_tests_{Guid.NewGuid():N}";
        var settings = new Dictionary<string, string>
        {
            ["AccessLog:Retention:Folder"] = _archive, ["AccessLog:Retention:BatchSize"] = "7",
        };
        using var first = new SharedDatabaseServerFactory(database, owner: true, settings);
        _ = first.Services; // migrated and seeded before the second joins
        using var second = new SharedDatabaseServerFactory(database, owner: false, settings);
        var clients = new[] { first.ClientFor("finance"), second.ClientFor("drc") };
        var purposes = Enumerable.Range(0, Requests).Select(_ => AccessLogProbe.NewPurpose("pg-archive")).ToList();

        using var gate = new SemaphoreSlim(Concurrency);
        var load = Task.WhenAll(purposes.Select(async (purpose, i) =>
        {
            await gate.WaitAsync();
            try
            {
                return await clients[i % 2].PostAsync("{ enterprises(first: 2) { edges { node { name } } } }",
                    purpose);
            }
            finally
            {
                gate.Release();
            }
        }));
        var archiving = new[] { first, second }.Select(async server =>
        {
            var archiver = server.Services.GetRequiredService<AccessLogArchiver>();
            var runs = new List<ArchiveRunSummary>();
            for (var run = 0; run < RunsPerServer; run++)
            {
                runs.Add(await archiver.RunAsync(DateTime.UtcNow.AddDays(1), null, null, CancellationToken.None));
            }

            return runs;
        }).ToList();

        var replies = await load;
        Assert.All(replies, r => Assert.Equal(HttpStatusCode.OK, r.Status));
        var runs = (await Task.WhenAll(archiving)).SelectMany(r => r).ToList();
        runs.Add(await first.Services.GetRequiredService<AccessLogArchiver>()
            .RunAsync(DateTime.UtcNow.AddDays(1), null, null, CancellationToken.None));

        var chain = await second.Services.GetRequiredService<ChainVerifier>().VerifyAsync();
        Assert.True(chain.Intact, $"{chain.BrokenIn}: {chain.Problem}");
        Assert.Equal(chain.HeadSeq, chain.Entries);
        Assert.Equal(runs.Sum(r => r.Entries), chain.Archived);
        Assert.True(chain.Archived >= Requests, $"{chain.Archived} archived");
        Assert.Equal(0, await first.DbAsync(db => db.AccessLog.CountAsync(e => e.Seq <= chain.Archived)));

        var archived = ArchiveFile.In(_archive).SelectMany(f => File.ReadLines(f.Path))
            .Select(line => ArchiveLine.Read(line, out _)!.Purpose).ToHashSet(StringComparer.Ordinal);
        var inTable = (await first.DbAsync(db => db.AccessLog.Select(e => e.Purpose).ToListAsync()))
            .ToHashSet(StringComparer.Ordinal);
        Assert.All(purposes, p => Assert.True(archived.Contains(p) ^ inTable.Contains(p), p));
    }

    public void Dispose() => Directory.Delete(_archive, recursive: true);
}
