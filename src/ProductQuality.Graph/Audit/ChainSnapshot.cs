using System.Data;
using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using ProductQuality.Graph.Data;

namespace ProductQuality.Graph.Audit;

/// <summary>
/// A read-only snapshot of the database for one walk of the chain: the head, the entries, their codes and the code
/// index as they were at one moment. A running server appends while the walk runs; read outside a snapshot, entries
/// appended after the head was read were walked too and the head looked altered. Inside it, an entry beyond the head
/// is real evidence (the head was moved back), and the index is compared with the same head.
/// </summary>
/// <remarks>
/// PostgreSQL: REPEATABLE READ, whose snapshot is taken at the first statement (the head). SQLite: a deferred
/// transaction — in WAL mode (the server's) a reader keeps the snapshot of its first read and never blocks the
/// server's appends; Microsoft.Data.Sqlite's default BEGIN IMMEDIATE would take the write lock and stall every
/// request for the length of the walk.
/// </remarks>
internal static class ChainSnapshot
{
    public static async Task<DbTransaction> BeginAsync(ProductQualityDbContext db, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        var connection = db.Database.GetDbConnection();
        DbTransaction tx = connection is SqliteConnection sqlite
            ? sqlite.BeginTransaction(deferred: true)
            : await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
        await db.Database.UseTransactionAsync(tx, cancellationToken);
        return tx;
    }

    /// <summary>Ends the snapshot (nothing was written: rolled back) and lets the context read the present again.
    /// </summary>
    public static async Task EndAsync(ProductQualityDbContext db, DbTransaction tx)
    {
        await db.Database.UseTransactionAsync(null);
        await tx.RollbackAsync();
        await tx.DisposeAsync();
    }
}
