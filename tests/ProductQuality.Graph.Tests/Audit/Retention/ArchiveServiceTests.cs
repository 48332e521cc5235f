using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ProductQuality.Graph.Audit;
using ProductQuality.Graph.Audit.Retention;
using ProductQuality.Graph.Infrastructure.Clock;
using ProductQuality.Graph.Tests.Infrastructure;

namespace ProductQuality.Graph.Tests.Audit.Retention;

/// <summary>
/// The server archives by itself: on start-up, then each bureau day at <c>RunAt</c> (03:00 China Standard Time); the
/// chain verifies across archive and table afterwards. An archive folder that cannot be written makes readiness
/// Degraded (still 200), without naming the folder.
/// </summary>
public sealed class ArchiveServiceTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("pq-archive-").FullName;

    [Fact]
    public async Task The_server_archives_expired_entries_at_the_daily_run_and_the_chain_still_verifies()
    {
        await using var server = new RetentionServerFactory(Path.Combine(_folder, "archive"));
        var client = server.ClientFor("finance");
        var status = await server.RunsAsync(1);
        Assert.Equal(0, status.Failures);
        var next = status.NextRunAt!.Value.ToOffset(BureauClock.ChinaStandardTime);
        Assert.Equal(new TimeSpan(3, 0, 0), next.TimeOfDay);

        var purposes = Enumerable.Range(0, 5).Select(_ => AccessLogProbe.NewPurpose("retention")).ToList();
        foreach (var purpose in purposes)
        {
            (await client.PostAsync("{ enterprises(first: 2) { edges { node { name } } } }", purpose)).EnsureData();
        }

        server.Time.SetUtcNow(next.AddMinutes(1));
        await server.RunsAsync(2);
        Assert.Equal(0, server.Status.Failures);
        var run = server.Status.Runs[^1];
        Assert.True(run.Entries >= purposes.Count, run.ToString());
        Assert.Equal(0, await server.DbAsync(db => db.AccessLog.CountAsync(e => purposes.Contains(e.Purpose!))));
        var chain = await server.Services.GetRequiredService<ChainVerifier>().VerifyAsync();
        Assert.True(chain.Intact, chain.Problem);
        Assert.Equal(run.LastSeq, chain.Archived);

        var ready = await client.SendRawAsync(HttpMethod.Get, "/health/ready", accept: null);
        Assert.Equal("Healthy", Check(ready).GetProperty("status").GetString());
    }

    [Fact]
    public async Task An_archive_folder_that_cannot_be_written_makes_readiness_degraded_not_unready()
    {
        // A file on the folder's path stops the start (RetentionSettingsTests): here one comes after it.
        var file = Path.Combine(_folder, "not-a-folder");
        var archive = Path.Combine(file, "archive");
        await using var server = new RetentionServerFactory(archive);
        using var client = server.CreateClient();
        if (Directory.Exists(file))
        {
            Directory.Delete(file, recursive: true);
        }

        await File.WriteAllTextAsync(file, "a file where the archive's parent folder should be");

        var ready = await client.SendRawAsync(HttpMethod.Get, "/health/ready", accept: null);
        Assert.Equal(HttpStatusCode.OK, ready.Status);
        Assert.Equal("Degraded", ready.Json.GetProperty("status").GetString());
        Assert.Equal("Degraded", Check(ready).GetProperty("status").GetString());
        Assert.Contains("cannot be written", Check(ready).GetProperty("description").GetString(),
            StringComparison.Ordinal);
        Assert.DoesNotContain(_folder, ready.Body, StringComparison.Ordinal);

        // Requests are still answered and logged.
        var purpose = AccessLogProbe.NewPurpose("degraded");
        (await server.ClientFor("finance").PostAsync("{ productCategories { code } }", purpose)).EnsureData();
        Assert.Equal(purpose, (await server.EntryAsync(purpose)).Purpose);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static System.Text.Json.JsonElement Check(GraphQLReply ready) =>
        ready.Json.GetProperty("checks").EnumerateArray()
            .Single(c => c.GetProperty("name").GetString() == ArchiveHealthCheck.Name);
}
