using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using ProductQuality.Graph.Audit;
using ProductQuality.Graph.Tests.Infrastructure;

namespace ProductQuality.Graph.Tests.Audit;

/// <summary>
/// Requests refused while another session held a table lock on the access log (psql's <c>LOCK TABLE "AccessLog" IN
/// ACCESS EXCLUSIVE MODE</c> in the lock probe) are stored as the refusals they were. The writer locked the head row,
/// sealed and numbered its batch, and only then waited for the lock at its INSERT: the entry of one request answered
/// 503 was stored as 200 with its field groups and credit code (and a correcting entry after it), and whoAccessed
/// listed finance as having received that code. A database of its own: the lock stops every append while held.
/// </summary>
public sealed class RefusedEntryOnPostgresTests(PostgresServerFactory factory) : IClassFixture<PostgresServerFactory>
{
    private const string Page = "{ enterprises(first: 1) { edges { node { name creditCode } } } }";

    [PostgresFact]
    public async Task Requests_refused_while_a_table_lock_held_the_log_are_stored_as_refusals()
    {
        var client = factory.ClientFor("finance");
        var code = (await client.PostAsync(Page, purpose: null)).EnsureData().Data.GetProperty("enterprises")
            .GetProperty("edges")[0].GetProperty("node").GetProperty("creditCode").GetString()!;
        var purposes = Enumerable.Range(0, 3).Select(_ => AccessLogProbe.NewPurpose("locked")).ToList();

        GraphQLReply[] refused;
        await using (var locker = new NpgsqlConnection(factory.ConnectionString))
        {
            await locker.OpenAsync();
            await using var tx = await locker.BeginTransactionAsync();
            await using (var hold = new NpgsqlCommand("LOCK TABLE \"AccessLog\" IN ACCESS EXCLUSIVE MODE", locker, tx))
            {
                await hold.ExecuteNonQueryAsync();
            }

            refused = await Task.WhenAll(purposes.Select(purpose => client.PostAsync(Page, purpose)));
            await tx.RollbackAsync();
        }

        Assert.All(refused, reply =>
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, reply.Status);
            Assert.Equal(AccessLogging.UnavailableCode, reply.FirstErrorCode);
        });

        // Delivered afterwards: its entry is appended after whatever the writer still had (a correcting entry too).
        var deliveredPurpose = AccessLogProbe.NewPurpose("delivered");
        (await client.PostAsync(Page, deliveredPurpose)).EnsureData();
        foreach (var purpose in purposes)
        {
            var entry = Assert.Single(await factory.StoredEntriesAsync(purpose));
            Assert.Equal((503, AccessLogging.UnavailableCode, AccessOutcome.Error),
                (entry.Status, entry.ErrorCode, entry.Outcome));
            Assert.Equal(("", 0), (entry.FieldGroups, entry.CodeCount));
            Assert.Empty(entry.Codes);
        }

        var tracked = (await factory.ClientFor("samr-jiaxing").PostAsync(
                "query($c: String!) { whoAccessed(creditCode: $c, first: 50) { edges { node { purpose } } } }",
                purpose: null, new { c = code })).EnsureData().Data.GetProperty("whoAccessed").GetProperty("edges")
            .EnumerateArray().Select(e => e.GetProperty("node").GetProperty("purpose").GetString()).ToList();
        Assert.Contains(deliveredPurpose, tracked);
        Assert.All(purposes, purpose => Assert.DoesNotContain(purpose, tracked));
        var chain = await factory.Services.GetRequiredService<ChainVerifier>().VerifyAsync();
        Assert.True(chain.Intact, chain.Problem);
    }
}
