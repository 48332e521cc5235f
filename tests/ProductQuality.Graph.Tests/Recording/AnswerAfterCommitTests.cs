using System.Data.Common;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using ProductQuality.Graph.Schema;
using ProductQuality.Graph.Tests.Audit;
using ProductQuality.Graph.Tests.Changes;
using ProductQuality.Graph.Tests.Infrastructure;

namespace ProductQuality.Graph.Tests.Recording;

/// <summary>
/// The database can go away between a write's commit and the read of its answer. The error said "nothing could be
/// read or written", and a caller that believed it recorded the fact again under a new key. It now names the write
/// as recorded and says to send it again with the same key, which then answers it, replayed, recorded once.
/// </summary>
public abstract class AnswerAfterCommitTests(TestServerFactory factory)
{
    private const string Mutation = "mutation($input: RecordManagementStatusInput!) { "
        + "recordManagementStatus(input: $input) { replayed record { traceability } } }";

    /// <summary>What the database's driver throws: for an outage (the database is gone), or for a fault (a bug).
    /// </summary>
    protected abstract Exception Failure(bool outage);

    [ProviderTheory]
    [InlineData(true, ErrorCodes.DatabaseUnavailable)]
    [InlineData(false, ErrorCodes.InternalError)]
    public async Task A_write_whose_answer_fails_after_commit_is_named_as_recorded(bool outage, string code)
    {
        var (enterprise, _, _) = await FeedWrites.EnterpriseAsync(factory, outage ? 175 : 171);
        var key = WriteData.Key();
        var input = new { input = new { idempotencyKey = key, creditCode = enterprise, traceability = "FULL",
            qualitySystem = "CERTIFIED", effectiveFrom = "2026-11-20", note = "answer lost after commit" } };
        var failing = new SecondIdempotencyReadFails(() => Failure(outage));
        using var broken = factory.WithWebHostBuilder(b => b.ConfigureTestServices(
            s => s.AddSingleton<IInterceptor>(failing)));
        var client = broken.CreateClient();
        client.DefaultRequestHeaders.Authorization = factory.ClientFor("samr-jiaxing").DefaultRequestHeaders
            .Authorization;

        var reply = await client.PostAsync(Mutation, AccessLogProbe.NewPurpose("after-commit"), input);

        Assert.True(failing.Failed, "the test's fault was not injected");
        Assert.Equal(code, reply.FirstErrorCode);
        Assert.Contains($"Your write recordManagementStatus (idempotencyKey \"{key}\") was recorded",
            reply.FirstErrorMessage, StringComparison.Ordinal);
        Assert.DoesNotContain("nothing could be", reply.FirstErrorMessage, StringComparison.Ordinal);

        var again = (await factory.ClientFor("samr-jiaxing").PostAsync(Mutation, AccessLogProbe.NewPurpose("again"),
            input)).EnsureData().Data.GetProperty("recordManagementStatus");
        Assert.True(again.GetProperty("replayed").GetBoolean());
        Assert.Equal(1, await factory.DbAsync(db => db.ManagementRecords.CountAsync(r => r.Note == input.input.note
            && db.Enterprises.Any(e => e.Id == r.EnterpriseId && e.CreditCode == enterprise))));
    }

    /// <summary>Fails the second read of the idempotency records: the first is the look-up before the write, the
    /// second the answer's after its commit.</summary>
    private sealed class SecondIdempotencyReadFails(Func<Exception> failure) : DbCommandInterceptor
    {
        private int _reads;

        public bool Failed => Volatile.Read(ref _reads) >= 2;

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command,
            CommandEventData eventData, InterceptionResult<DbDataReader> result,
            CancellationToken cancellationToken = default)
        {
            if (command.CommandText.StartsWith("SELECT", StringComparison.Ordinal)
                && command.CommandText.Contains("\"IdempotencyRecords\"", StringComparison.Ordinal)
                && Interlocked.Increment(ref _reads) == 2)
            {
                throw failure();
            }

            return ValueTask.FromResult(result);
        }
    }
}

/// <summary>The <see cref="AnswerAfterCommitTests"/> on the embedded SQLite database.</summary>
[Collection(WritableServerCollection.Name)]
public sealed class AnswerAfterCommitOnSqliteTests(WritableServerFactory factory) : AnswerAfterCommitTests(factory)
{
    // SQLITE_BUSY is an outage, SQLITE_ERROR a fault.
    protected override Exception Failure(bool outage) => new SqliteException("injected by the test", outage ? 5 : 1);
}

/// <summary>
/// The <see cref="AnswerAfterCommitTests"/> on PostgreSQL (skipped locally without PQG_TEST_POSTGRES; always run in
/// CI).
/// </summary>
[OnPostgres]
[Collection(WritablePostgresServerCollection.Name)]
public sealed class AnswerAfterCommitOnPostgresTests(WritablePostgresServerFactory factory)
    : AnswerAfterCommitTests(factory)
{
    // The connection reset under the read is an outage; a syntax error (42601) is a fault. (A missing table is a
    // database not migrated: DATABASE_NOT_MIGRATED, SchemaStateTests.)
    protected override Exception Failure(bool outage) => outage
        ? new NpgsqlException("Exception while reading from stream", new System.Net.Sockets.SocketException(104))
        : new PostgresException("injected by the test", "ERROR", "ERROR", PostgresErrorCodes.SyntaxError);
}
