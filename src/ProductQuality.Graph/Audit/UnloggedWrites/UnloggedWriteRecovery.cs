using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ProductQuality.Graph.Audit.UnloggedWrites;

/// <summary>
/// Turns the <see cref="UnloggedWrite"/> rows that outlived their requests into access log entries: a write committed,
/// then its request's entry was never stored (the server was killed between the two commits, or the log failed and
/// the request was refused with 503). Each becomes an entry with what was known when the write committed — who, from
/// where, which document, which purpose — outcome ERROR, status 503 and error code <see cref="RecoveredCode"/>, no
/// field groups and no enterprises (nothing was delivered), appended in the transaction that deletes its row.
/// </summary>
/// <remarks>
/// Only rows older than <see cref="AccessLogOptions.RecoverUnloggedWritesAfterSeconds"/> are taken: a younger one may
/// belong to a request still running, whose own entry will settle it. Servers sharing a PostgreSQL database take turns
/// (a transaction-scoped advisory lock held over the pass), so no write is recovered twice.
/// </remarks>
public sealed partial class UnloggedWriteRecovery(AccessLogStore store, AccessLogWriter writer,
    IOptions<AccessLogOptions> options, TimeProvider time, ILogger<UnloggedWriteRecovery> logger) : IDisposable
{
    /// <summary>The recovered entries' error code.</summary>
    public const string RecoveredCode = "ENTRY_RECOVERED";

    /// <summary>The PostgreSQL advisory lock recoveries share (any constant no other lock uses).</summary>
    public const long LockKey = 20261206;

    private const int MaxPerPass = 500;
    private readonly SemaphoreSlim _onePass = new(1, 1);

    /// <summary>The recovered writes of one pass, oldest first; none when another server is recovering.</summary>
    public async Task<int> RecoverAsync(CancellationToken cancellationToken) =>
        await RecoverAsync(TimeSpan.FromSeconds(options.Value.RecoverUnloggedWritesAfterSeconds), cancellationToken);

    /// <param name="olderThan">Rows committed at least this long ago (tests pass zero).</param>
    /// <param name="cancellationToken">Stops the pass between batches.</param>
    public async Task<int> RecoverAsync(TimeSpan olderThan, CancellationToken cancellationToken)
    {
        if (!options.Value.Enabled)
        {
            return 0;
        }

        await _onePass.WaitAsync(cancellationToken);
        try
        {
            await using var db = store.CreateContext();
            // Not on SQLite: its transactions take the write lock the writer needs (one server per file anyway).
            await using var turn = store.IsPostgres ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
            if (store.IsPostgres && !await db.Database.SqlQueryRaw<bool>(
                    $"SELECT pg_try_advisory_xact_lock({LockKey}) AS \"Value\"").SingleAsync(cancellationToken))
            {
                return 0;
            }

            var cutoff = time.GetUtcNow().UtcDateTime - olderThan;
            var rows = await db.UnloggedWrites.AsNoTracking().Where(w => w.CommittedAtUtc <= cutoff)
                .OrderBy(w => w.Id).Take(MaxPerPass).ToListAsync(cancellationToken);

            // Queued in order, so they join the chain in order (in one batch when they can).
            await Task.WhenAll(rows.Select(row => writer.AppendAsync(EntryOf(row))));
            foreach (var row in rows)
            {
                LogRecovered(row.Operation, row.IdempotencyKey, row.Department, row.CommittedAtUtc, row.RequestId);
            }

            return rows.Count;
        }
        finally
        {
            _onePass.Release();
        }
    }

    public void Dispose() => _onePass.Dispose();

    private static AccessLogEntry EntryOf(UnloggedWrite row)
    {
        var entry = new AccessLogEntry
        {
            AtUtc = DateTime.SpecifyKind(row.AtUtc, DateTimeKind.Utc),
            RequestId = row.RequestId,
            Department = row.Department,
            Subject = row.Subject,
            ClientAddress = row.ClientAddress,
            OperationName = row.OperationName,
            DocumentSha256 = row.DocumentSha256,
            VariablesSha256 = row.VariablesSha256,
            FieldGroups = "",
            Purpose = row.Purpose,
            Outcome = AccessOutcome.Error,
            Status = StatusCodes.Status503ServiceUnavailable,
            ErrorCode = RecoveredCode,
            DurationMicroseconds = Math.Max(0, (long)(row.CommittedAtUtc - row.AtUtc).TotalMicroseconds),
            SettlesUnloggedWrites = [row.Id],
        };
        entry.PrecomputedContentHash = AccessChain.ContentHash(entry, []);
        return entry;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Access log: recorded the entry of write {Operation} "
        + "(idempotencyKey {IdempotencyKey}) of {Department}, committed at {CommittedAtUtc:O} UTC, whose request's "
        + "entry was never stored (the server stopped or the log failed before it); request {RequestId}, error code "
        + RecoveredCode + ".")]
    private partial void LogRecovered(
        string operation, string idempotencyKey, string? department, DateTime committedAtUtc, string requestId);
}
