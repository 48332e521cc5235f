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
public sealed partial class UnloggedWriteRecovery(AccessLogStore store,
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
            var requests = RequestsOf(rows, rows.Count == MaxPerPass);

            // Appended here, in a transaction of the store's own that deletes the rows, while this pass holds its
            // turn. Queued on the writer, an entry the writer gave up waiting for (its commit wait) was still stored
            // later: the pass had failed and let go of its turn, and the next pass (here or on another server)
            // found the row still there and recorded the write again (the writes probe, PostgreSQL, two servers).
            await store.AppendAsync([.. requests.Select(EntryOf)], cancellationToken);
            foreach (var row in requests.SelectMany(request => request))
            {
                LogRecovered(row.Operation, row.IdempotencyKey, row.Department, row.CommittedAtUtc, row.RequestId);
            }

            return requests.Sum(request => request.Count);
        }
        finally
        {
            _onePass.Release();
        }
    }

    public void Dispose() => _onePass.Dispose();

    /// <summary>
    /// The rows by request, in order: a request that wrote twice is one request, and gets one entry, as it would have
    /// (it got one per write). When the pass took as many rows as it may, the last request may have more rows beyond
    /// them: it waits for the next pass, unless it is the only one.
    /// </summary>
    private static List<List<UnloggedWrite>> RequestsOf(List<UnloggedWrite> rows, bool more)
    {
        var requests = rows.GroupBy(row => row.RequestId, StringComparer.Ordinal)
            .Select(request => request.ToList()).ToList();
        if (more && requests.Count > 1)
        {
            requests.RemoveAt(requests.Count - 1);
        }

        return requests;
    }

    private static AccessLogEntry EntryOf(List<UnloggedWrite> request)
    {
        var row = request[0];
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
            DurationMicroseconds =
                Math.Max(0, (long)(request.Max(write => write.CommittedAtUtc) - row.AtUtc).TotalMicroseconds),
            SettlesUnloggedWrites = [.. request.Select(write => write.Id)],
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
