using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ProductQuality.Graph.Audit;
using ProductQuality.Graph.Tests.Infrastructure;

namespace ProductQuality.Graph.Tests.Audit;

/// <summary>
/// Two servers on one PostgreSQL database append to one chain while requests hit both at once: every answered
/// request has exactly one entry, positions run 1, 2, 3 … without gap or fork, and the chain verifies. Then the
/// same database is tampered with — an entry altered, two swapped, one deleted — and each is found.
/// </summary>
public sealed class ChainOnPostgresTests
{
    private const int RequestsPerServer = 150;
    private const int Concurrency = 12;

    private const string Swap = """
        UPDATE "AccessLog" a SET "AtUtc" = b."AtUtc", "RequestId" = b."RequestId", "Department" = b."Department",
            "Subject" = b."Subject", "ClientAddress" = b."ClientAddress", "OperationName" = b."OperationName",
            "DocumentSha256" = b."DocumentSha256", "VariablesSha256" = b."VariablesSha256",
            "FieldGroups" = b."FieldGroups", "Purpose" = b."Purpose", "Outcome" = b."Outcome", "Status" = b."Status",
            "ErrorCode" = b."ErrorCode", "DurationMicroseconds" = b."DurationMicroseconds",
            "CodeCount" = b."CodeCount", "PreviousHash" = b."PreviousHash", "Hash" = b."Hash"
        FROM "AccessLog" b WHERE (a."Seq" = 60 AND b."Seq" = 61) OR (a."Seq" = 61 AND b."Seq" = 60)
        """;

    [PostgresFact]
    public async Task Two_servers_writing_at_once_produce_one_intact_chain_and_tampering_is_found()
    {
        var database = $"pq_tests_{Guid.NewGuid():N}";
        using var first = new SharedDatabaseServerFactory(database, owner: true);
        _ = first.Services; // migrated and seeded before the second joins
        using var second = new SharedDatabaseServerFactory(database, owner: false);
        var clients = new[] { first.ClientFor("finance"), second.ClientFor("drc") };
        var purposes = Enumerable.Range(0, 2 * RequestsPerServer)
            .Select(_ => AccessLogProbe.NewPurpose("two")).ToList();

        using var gate = new SemaphoreSlim(Concurrency);
        var replies = await Task.WhenAll(purposes.Select(async (purpose, i) =>
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

        Assert.All(replies, r => Assert.Equal(HttpStatusCode.OK, r.Status));
        var entries = await first.DbAsync(db => db.AccessLog.AsNoTracking().OrderBy(e => e.Seq)
            .Select(e => new { e.Seq, e.Purpose, e.Department }).ToListAsync());
        Assert.Equal(Enumerable.Range(1, entries.Count).Select(i => (long)i), entries.Select(e => e.Seq));
        Assert.Equal(purposes.Order(StringComparer.Ordinal),
            entries.Where(e => e.Purpose != null).Select(e => e.Purpose!).Order(StringComparer.Ordinal));
        Assert.Equal(RequestsPerServer, entries.Count(e => e.Department == "drc"));
        var verifier = second.Services.GetRequiredService<ChainVerifier>();
        var chain = await verifier.VerifyAsync();
        Assert.True(chain.Intact, chain.Problem);
        Assert.Equal(entries.Count, chain.Entries);

        await TamperingIsFoundAsync(first, verifier);
    }

    private static async Task TamperingIsFoundAsync(TestServerFactory server, ChainVerifier verifier)
    {
        await ExpectBrokenAsync(server, verifier, 40, "altered",
            """UPDATE "AccessLog" SET "Subject" = 'someone else' WHERE "Seq" = 40""",
            """UPDATE "AccessLog" SET "Subject" = 'test' WHERE "Seq" = 40""");

        // The stored name must be the one hashed: read case-insensitively, 'ok' verified intact; 'Bogus' crashed.
        await ExpectBrokenAsync(server, verifier, 50, "its Outcome holds 'ok'",
            """UPDATE "AccessLog" SET "Outcome" = 'ok' WHERE "Seq" = 50""",
            """UPDATE "AccessLog" SET "Outcome" = 'Ok' WHERE "Seq" = 50""");
        await ExpectBrokenAsync(server, verifier, 50, "its Outcome holds 'Bogus'",
            """UPDATE "AccessLog" SET "Outcome" = 'Bogus' WHERE "Seq" = 50""",
            """UPDATE "AccessLog" SET "Outcome" = 'Ok' WHERE "Seq" = 50""");

        // Swapping two entries' contents is reordering them (their codes are the same two enterprises' here).
        await ExpectBrokenAsync(server, verifier, 60, "does not follow", Swap, Swap);

        await ExpectBrokenAsync(server, verifier, 80, "missing",
            """DELETE FROM "AccessLog" WHERE "Seq" = 80""", null);
    }

    private static async Task ExpectBrokenAsync(TestServerFactory server, ChainVerifier verifier, long at,
        string problem, string tamper, string? undo)
    {
        await server.DbAsync(db => db.Database.ExecuteSqlRawAsync(tamper));
        var chain = await verifier.VerifyAsync();
        Assert.False(chain.Intact);
        Assert.Equal(at, chain.BrokenAt);
        Assert.Contains(problem, chain.Problem, StringComparison.Ordinal);
        if (undo is not null)
        {
            await server.DbAsync(db => db.Database.ExecuteSqlRawAsync(undo));
            Assert.True((await verifier.VerifyAsync()).Intact);
        }
    }
}
