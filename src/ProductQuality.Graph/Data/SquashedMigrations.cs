using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace ProductQuality.Graph.Data;

/// <summary>
/// The migrations folded into each provider's one <c>Initial</c> on 2026-12-06, ahead of the first release. A
/// database with every one of them applied has exactly the <c>Initial</c>'s schema (the two were compared table by
/// table, index by index, on SQLite and PostgreSQL, when they were squashed), so its history is rewritten to the
/// <c>Initial</c> and it carries on with its data. A database with only some of them, or with migrations of an older
/// squash, still stops with <see cref="UnknownMigrationsException"/>'s way out.
/// </summary>
internal static class SquashedMigrations
{
    private static readonly string[] Sqlite =
    [
        "20261203154229_Initial", "20261204210117_DatabaseSecrets", "20261205053224_AccessLogCountyIndex",
        "20261205173420_EnterpriseTokenRevocations", "20261206040104_CurrentExplanations",
        "20261206123742_ChangeEventsByKind",
    ];

    private static readonly string[] Postgres =
    [
        "20261203154250_Initial", "20261204210144_DatabaseSecrets", "20261205053250_AccessLogCountyIndex",
        "20261205173454_EnterpriseTokenRevocations", "20261206040133_CurrentExplanations",
        "20261206123816_ChangeEventsByKind",
    ];

    /// <summary>Whether <paramref name="applied"/> is the history the squashed migrations left.</summary>
    public static bool Are(ProductQualityDbContext db, IEnumerable<string> applied) =>
        applied.ToHashSet(StringComparer.Ordinal).SetEquals(db.Database.IsSqlite() ? Sqlite : Postgres);

    /// <summary>Rewrites the history of a database made by the squashed migrations; whether it did.</summary>
    public static async Task<bool> CarryOverAsync(ProductQualityDbContext db, CancellationToken cancellationToken)
    {
        if (!Are(db, await db.Database.GetAppliedMigrationsAsync(cancellationToken)))
        {
            return false;
        }

        var initial = db.Database.GetMigrations().First();
        var version = ProductInfo.GetVersion();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Database.ExecuteSqlRawAsync("""DELETE FROM "__EFMigrationsHistory" """, cancellationToken);
        await db.Database.ExecuteSqlAsync(
            $"""INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion") VALUES ({initial}, {version})""",
            cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }
}
