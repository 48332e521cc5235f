using System.Data.Common;
using Microsoft.Extensions.Options;
using ProductQuality.Graph.Audit.Retention;

namespace ProductQuality.Graph.Audit.CodeIndex;

/// <summary>
/// Copies the credit codes of newly appended entries into the look-up by code (<see cref="IndexedCode"/>), and their
/// counties into the look-up by county (<see cref="IndexedCounty"/>), in
/// batches of about <see cref="AccessLogOptions.CodeIndexBatchCodes"/> codes, sorted by code so the index is written
/// in order, and moves the <see cref="CodeIndexMark"/> in the same transaction. Readers never depend on it being
/// done: codes past the mark are read from the entries' own code rows.
/// </summary>
/// <remarks>
/// Servers sharing a PostgreSQL database take the archivers' advisory lock for each batch: one indexer at a time,
/// and never while an archiver removes entries (it would copy codes that the archiver is deleting). On SQLite every
/// writer holds the database's write lock anyway.
/// </remarks>
public sealed class AccessLogCodeIndexer(AccessLogStore store, IOptions<AccessLogOptions> options)
{
    private const string ReadMark = """
        SELECT "IndexedThroughSeq" FROM "AccessLogCodeIndexMarks" WHERE "Id" = 1
        """;

    // The entry that holds the batch's last code (whole entries are copied, so a batch can exceed its size by one
    // entry's codes), or, when fewer codes are waiting, the last entry with codes.
    private const string BatchEnd = """
        SELECT COALESCE(
            (SELECT "EntrySeq" FROM "AccessLogCodes" WHERE "EntrySeq" > @mark ORDER BY "EntrySeq" LIMIT 1 OFFSET @skip),
            (SELECT MAX("EntrySeq") FROM "AccessLogCodes"))
        """;

    // Whether any code was appended past the mark: read before the batch's transaction, which on SQLite takes the
    // database's write lock (BEGIN IMMEDIATE) and on PostgreSQL the archivers' lock, once a second on an idle log.
    private const string Waiting = """
        SELECT COALESCE((SELECT MAX("EntrySeq") FROM "AccessLogCodes"), 0)
            > (SELECT "IndexedThroughSeq" FROM "AccessLogCodeIndexMarks" WHERE "Id" = 1)
        """;

    private const string Copy = """
        INSERT INTO "AccessLogCodeIndex" ("CreditCode", "EntrySeq")
        SELECT "CreditCode", "EntrySeq" FROM "AccessLogCodes" WHERE "EntrySeq" > @mark AND "EntrySeq" <= @through
        ORDER BY "CreditCode", "EntrySeq"
        """;

    // The counties whose enterprises the batch's entries returned, for county bureaus' scope (IndexedCounty).
    private const string CopyCounties = """
        INSERT INTO "AccessLogCountyIndex" ("County", "EntrySeq")
        SELECT DISTINCT x."CountyCode", k."EntrySeq"
        FROM "AccessLogCodes" k JOIN "Enterprises" x ON x."CreditCode" = k."CreditCode"
        WHERE k."EntrySeq" > @mark AND k."EntrySeq" <= @through
        """;

    private const string MoveMark = """
        UPDATE "AccessLogCodeIndexMarks" SET "IndexedThroughSeq" = @through WHERE "Id" = 1
        """;

    /// <summary>Indexes every code appended so far, batch after batch; returns how many codes and batches.
    /// <paramref name="progress"/> hears the running totals after each full batch (more are waiting).</summary>
    public async Task<(long Codes, int Batches)> CatchUpAsync(Action<long, int>? progress,
        CancellationToken cancellationToken)
    {
        var (codes, batches) = (0L, 0);
        while (await BatchAsync(cancellationToken) is var copied && copied > 0)
        {
            (codes, batches) = (codes + copied, batches + 1);
            if (copied < options.Value.CodeIndexBatchCodes)
            {
                break;
            }

            progress?.Invoke(codes, batches);
        }

        return (codes, batches);
    }

    /// <summary>One batch in one transaction; returns the number of codes copied (0: nothing was waiting).</summary>
    public async Task<int> BatchAsync(CancellationToken cancellationToken)
    {
        await using var connection = await store.OpenConnectionAsync(cancellationToken);
        if (!Convert.ToBoolean(await ScalarAsync(connection, null, Waiting, cancellationToken),
                System.Globalization.CultureInfo.InvariantCulture))
        {
            return 0;
        }

        await using var tx = await connection.BeginTransactionAsync(cancellationToken);
        if (store.IsPostgres)
        {
            await ScalarAsync(connection, tx, $"SELECT pg_advisory_xact_lock({AccessLogArchiver.LockKey})",
                cancellationToken);
        }

        var mark = Convert.ToInt64(await ScalarAsync(connection, tx, ReadMark, cancellationToken),
            System.Globalization.CultureInfo.InvariantCulture);
        var end = await ScalarAsync(connection, tx, BatchEnd, cancellationToken,
            ("@mark", mark), ("@skip", (long)options.Value.CodeIndexBatchCodes - 1));
        var through = end is null or DBNull ? mark : Convert.ToInt64(end,
            System.Globalization.CultureInfo.InvariantCulture);
        if (through <= mark)
        {
            return 0;
        }

        var copied = await ExecuteAsync(connection, tx, Copy, cancellationToken,
            ("@mark", mark), ("@through", through));
        await ExecuteAsync(connection, tx, CopyCounties, cancellationToken, ("@mark", mark), ("@through", through));
        await ExecuteAsync(connection, tx, MoveMark, cancellationToken, ("@through", through));
        await tx.CommitAsync(cancellationToken);
        return copied;
    }

    private static async Task<object?> ScalarAsync(DbConnection connection, DbTransaction? tx, string sql,
        CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var command = AccessLogStore.Command(connection, tx, sql, parameters);
        return await command.ExecuteScalarAsync(cancellationToken);
    }

    private static async Task<int> ExecuteAsync(DbConnection connection, DbTransaction tx, string sql,
        CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var command = AccessLogStore.Command(connection, tx, sql, parameters);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
