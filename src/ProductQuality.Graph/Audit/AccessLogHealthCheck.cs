using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ProductQuality.Graph.Audit;

/// <summary>
/// Readiness (tag <c>ready</c>): the server may take requests only while it can log them — the chain's head is
/// readable, the last append did not fail in the last few seconds and the one under way is not held up. (With the
/// log off it is always ready.) Another process holding the SQLite file's write lock held every request ~19 s (up to
/// the busy timeout) while readiness said 200, so a load balancer kept sending requests to wait.
/// </summary>
public sealed class AccessLogHealthCheck(AccessLogStore store, AccessLogWriter writer,
    Microsoft.Extensions.Options.IOptions<AccessLogOptions> options) : IHealthCheck
{
    /// <summary>A commit waiting this long makes the server unready: commits take milliseconds.</summary>
    public static readonly TimeSpan StalledAfter = TimeSpan.FromSeconds(3);

    /// <summary>How long a failed append keeps the server unready: the wait refused requests are told.</summary>
    public static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(Data.DatabaseOutage.RetryAfterSeconds);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context,
        CancellationToken cancellationToken = default)
    {
        if (!options.Value.Enabled)
        {
            return HealthCheckResult.Healthy("The access log is off.");
        }

        // Unready for as long as refused callers are told to wait (Retry-After); then, if the log reads again, ready
        // but degraded. Only an append clears a failure, and an unready server behind a load balancer gets no request
        // to append: it stayed out of service after the database came back, until someone restarted it (ops probe).
        var sinceFailure = writer.SinceFailedAppend;
        if (sinceFailure < RetryAfter)
        {
            return HealthCheckResult.Unhealthy("The last access log append failed: requests are refused (503).");
        }

        if (writer.AppendWaiting >= StalledAfter)
        {
            return HealthCheckResult.Unhealthy(
                $"The access log has waited {writer.AppendWaiting.TotalSeconds:F0} s for a commit (the database is "
                + "locked or slow): requests wait with it.");
        }

        try
        {
            await using var db = store.CreateContext();
            // Ask whether the database is there first: opening a SQLite file that was removed would re-create it
            // empty (the database check reports the missing file; this one must not hide it).
            if (!await db.Database.CanConnectAsync(cancellationToken))
            {
                return HealthCheckResult.Unhealthy("The database cannot be reached, so neither can the access log.");
            }

            // The head is read to prove the log readable, and not reported: /health/ready answers anyone, and the
            // chain's position counted every department's requests for whoever polled it.
            _ = await db.AccessLogHeads.AsNoTracking().Select(h => h.Seq).SingleAsync(cancellationToken);
            if (await IsReadOnlySqliteAsync(db, cancellationToken))
            {
                return HealthCheckResult.Unhealthy("The database file is open read-only (Mode=ReadOnly, or a file "
                    + "this server may not write): no access log entry can be stored, so requests are refused (503).");
            }

            return sinceFailure is { } since
                ? HealthCheckResult.Degraded($"The last access log append failed {since.TotalSeconds:F0} s ago; the "
                    + "log can be read again, so requests are taken (each refused with 503 while appends still fail).")
                : HealthCheckResult.Healthy("The access log can be read; the last append succeeded.");
        }
#pragma warning disable CA1031 // Any failure to read the head makes the server unready; the check reports it.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return HealthCheckResult.Unhealthy("The access log cannot be read.", ex);
        }
    }

    // A SQLite file opened read-only reads well and refuses the first entry: ready said 200 until a request had
    // failed. SQLite says how it opened the file without taking a lock (a write probe would queue behind the
    // appender). PostgreSQL: a read-only server or role shows in the first append.
    private static async Task<bool> IsReadOnlySqliteAsync(Data.ProductQualityDbContext db,
        CancellationToken cancellationToken)
    {
        if (db.Database.GetDbConnection() is not Microsoft.Data.Sqlite.SqliteConnection connection)
        {
            return false;
        }

        await db.Database.OpenConnectionAsync(cancellationToken);
        bool readOnly;
        try
        {
            readOnly = SQLitePCL.raw.sqlite3_db_readonly(connection.Handle, "main") == 1;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }

        // A pooled connection keeps the mode it was opened in: a file made writable again stayed read-only to the
        // server until a restart (the ops probe). Cleared, the next connection opens the file as it is now.
        if (readOnly)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearPool(connection);
        }

        return readOnly;
    }
}
