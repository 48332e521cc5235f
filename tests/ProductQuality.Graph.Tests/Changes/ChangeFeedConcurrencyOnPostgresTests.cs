using Microsoft.EntityFrameworkCore;
using ProductQuality.Graph.Changes;
using ProductQuality.Graph.Tests.Infrastructure;

namespace ProductQuality.Graph.Tests.Changes;

/// <summary>
/// Two servers on one PostgreSQL database write at the same time while a partner pages the feed with small pages:
/// the partner must read every event exactly once, in order — no event committed behind its cursor (a gap) and none
/// twice. An identity id alone would not promise this (ids are taken at insert, commits land in any order); the
/// re-evaluation lock every writer holds while appending makes id order commit order.
/// </summary>
[Collection(WritablePostgresServerCollection.Name)]
public sealed class ChangeFeedConcurrencyOnPostgresTests(WritablePostgresServerFactory factory)
{
    private const int WritesPerServer = 12;

    [PostgresFact]
    public async Task A_reader_paging_during_writes_from_two_servers_reads_every_event_once_in_order()
    {
        var connectionString = await factory.DbAsync(db => Task.FromResult(db.Database.GetConnectionString()!));
        using var peer = new PostgresPeerServerFactory(connectionString);
        var start = await Feed.EndAsync(factory.ClientFor("samr-jiaxing"));
        var subjects = new List<(string Code, string Product)>();
        for (var i = 0; i < 2 * WritesPerServer; i++)
        {
            var (code, product, _) = await factory.EnterpriseAsync(40 + i);
            subjects.Add((code, product));
        }

        var writing = Task.WhenAll(
            WriteAsync(factory, subjects.Take(WritesPerServer)), WriteAsync(peer, subjects.Skip(WritesPerServer)));
        var read = new List<long>();
        var reader = peer.ClientFor("samr-jiaxing");
        var cursor = start;
        while (true)
        {
            var done = writing.IsCompleted;
            var (events, end, more) = await Feed.PageAsync(reader, cursor, 2);
            read.AddRange(events.Select(e => Feed.Position(factory, e.Cursor())));
            cursor = end ?? cursor;
            if (done && !more)
            {
                break;
            }
        }

        await writing;
        var all = await Feed.ReadAllAsync(factory.ClientFor("samr-jiaxing"), start, 500);
        Assert.Equal(all.Select(e => Feed.Position(factory, e.Cursor())), read);
        Assert.Equal(read.Distinct().Count(), read.Count);
        Assert.All(subjects, s => Assert.Contains(all, e => e.Code() == s.Code));
    }

    private static async Task WriteAsync(TestServerFactory server, IEnumerable<(string Code, string Product)> subjects)
    {
        foreach (var (code, product) in subjects)
        {
            await server.FailedSamplingAsync("samr-jiaxing", code, product, "2026-11-27");
        }
    }
}
