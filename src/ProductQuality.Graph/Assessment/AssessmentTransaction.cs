using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using ProductQuality.Graph.Data;

namespace ProductQuality.Graph.Assessment;

/// <summary>
/// How re-evaluations serialise. Two writers must not replay the same enterprise or count the same region from
/// snapshots that miss each other's changes — a live write and a <c>recompute</c> batch no less than two writes.
/// SQLite's write transactions (BEGIN IMMEDIATE) are already one at a time; on PostgreSQL every re-evaluation takes
/// this transaction-scoped advisory lock, so they run one after another and each sees the ones committed before.
/// </summary>
public static class AssessmentTransaction
{
    /// <summary>The advisory lock every re-evaluation takes on PostgreSQL (any constant all of them share).</summary>
    public const long LockKey = 20200422;

    // The transactions that took the lock, so the change log can refuse to append outside one.
    private static readonly ConditionalWeakTable<IDbContextTransaction, object> Locked = [];

    /// <summary>Takes the lock inside the caller's transaction; it is held until that transaction ends.</summary>
    public static async Task LockAsync(ProductQualityDbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({LockKey})", ct);
        }

        if (db.Database.CurrentTransaction is { } transaction)
        {
            Locked.AddOrUpdate(transaction, Locked);
        }
    }

    /// <summary>
    /// Whether the context's current transaction holds the lock (on SQLite: has asked for it; its write transactions
    /// are one at a time anyway). Change events are appended only then — see <see cref="Changes.ChangeLog"/>.
    /// </summary>
    public static bool Holds(ProductQualityDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Database.CurrentTransaction is { } transaction && Locked.TryGetValue(transaction, out _);
    }

    /// <summary>
    /// Runs <paramref name="work"/> in a transaction of its own holding the lock, saves and commits, then clears the
    /// change tracker so a long run (a recompute in batches) keeps its memory flat.
    /// </summary>
    public static async Task<T> RunAsync<T>(ProductQualityDbContext db, Func<Task<T>> work, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(work);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await LockAsync(db, ct);
        var result = await work();
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        db.ChangeTracker.Clear();
        return result;
    }
}
