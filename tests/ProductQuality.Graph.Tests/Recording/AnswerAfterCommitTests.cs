using System.Data.Common;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
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
[Collection(WritableServerCollection.Name)]
public sealed class AnswerAfterCommitTests(WritableServerFactory factory)
{
    private const string Mutation = "mutation($input: RecordManagementStatusInput!) { "
        + "recordManagementStatus(input: $input) { replayed record { traceability } } }";

    [Theory]
    [InlineData(5, ErrorCodes.DatabaseUnavailable)] // SQLITE_BUSY: an outage
    [InlineData(1, ErrorCodes.InternalError)] // SQLITE_ERROR: a fault
    public async Task A_write_whose_answer_fails_after_commit_is_named_as_recorded(int sqliteError, string code)
    {
        var (enterprise, _, _) = await FeedWrites.EnterpriseAsync(factory, 170 + sqliteError);
        var key = WriteData.Key();
        var input = new { input = new { idempotencyKey = key, creditCode = enterprise, traceability = "FULL",
            qualitySystem = "CERTIFIED", effectiveFrom = "2026-11-20", note = "answer lost after commit" } };
        var failing = new SecondIdempotencyReadFails(sqliteError);
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
    private sealed class SecondIdempotencyReadFails(int sqliteError) : DbCommandInterceptor
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
                throw new SqliteException("injected by the test", sqliteError);
            }

            return ValueTask.FromResult(result);
        }
    }
}
