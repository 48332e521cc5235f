using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ProductQuality.Graph.Audit;
using ProductQuality.Graph.Tests.Infrastructure;

namespace ProductQuality.Graph.Tests.Audit;

/// <summary>
/// <c>audit verify</c> runs beside a server that keeps appending. Requests answered after the walk read the head
/// (appended through the real writer) reported "the head was altered" and checkpoint refused to sign; the walk now
/// verifies up to the head it read, in one snapshot, and counts the entries appended since. A head really moved back
/// is still found.
/// </summary>
[Collection(AccessLogServerCollection.Name)]
public sealed class ChainVerifyWhileAppendingTests(AccessLogServerFactory factory)
{
    private const int Appended = 3;

    [Fact]
    public Task Entries_appended_after_the_head_was_read_are_left_for_the_next_walk_on_SQLite() =>
        WalkLeavesAppendsAsync(factory);

    [PostgresFact]
    public async Task Appends_after_the_head_are_left_for_the_next_walk_and_a_head_moved_back_is_found_on_PostgreSQL()
    {
        using var server = new SharedDatabaseServerFactory($"pq_tests_{Guid.NewGuid():N}", owner: true);
        await WalkLeavesAppendsAsync(server);

        var head = await server.DbAsync(db => db.AccessLogHeads.AsNoTracking().SingleAsync());
        await server.DbAsync(db => db.Database.ExecuteSqlRawAsync("""
            UPDATE "AccessLogHeads" SET "Seq" = "Seq" - 1,
                "Hash" = (SELECT "Hash" FROM "AccessLog" WHERE "Seq" = {0}) WHERE "Id" = 1
            """, head.Seq - 1));
        var chain = await server.Services.GetRequiredService<ChainVerifier>().VerifyAsync();
        Assert.False(chain.Intact);
        Assert.Equal("head", chain.BrokenIn);
        Assert.Equal(head.Seq, chain.BrokenAt);
        Assert.Contains("moved back", chain.Problem, StringComparison.Ordinal);
    }

    private static async Task WalkLeavesAppendsAsync(TestServerFactory server)
    {
        var client = server.ClientFor("finance");
        (await client.PostAsync("{ productCategories { code } }", AccessLogProbe.NewPurpose("walk"))).EnsureData();
        var services = server.Services;
        var verifier = new ChainVerifier(services.GetRequiredService<AccessLogStore>(),
            services.GetRequiredService<IOptions<AccessLogOptions>>())
        {
            // Answered requests: each waits until its entry (and the head) is committed by the server's writer.
            HeadRead = async _ =>
            {
                for (var i = 0; i < Appended; i++)
                {
                    (await client.PostAsync("{ productCategories { code } }", AccessLogProbe.NewPurpose("walk")))
                        .EnsureData();
                }
            },
        };

        var chain = await verifier.VerifyAsync();

        Assert.True(chain.Intact, $"at {chain.BrokenAt} in {chain.BrokenIn}: {chain.Problem}");
        Assert.Equal(chain.HeadSeq, chain.Entries);
        Assert.True(chain.Newer >= Appended, $"newer: {chain.Newer}");
        var next = await services.GetRequiredService<ChainVerifier>().VerifyAsync();
        Assert.True(next.Intact, next.Problem);
        Assert.True(next.HeadSeq >= chain.HeadSeq + Appended);
    }
}
