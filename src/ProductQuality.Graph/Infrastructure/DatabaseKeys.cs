using ProductQuality.Graph.Changes;
using ProductQuality.Graph.Data;
using ProductQuality.Graph.Schema.Paging;

namespace ProductQuality.Graph.Infrastructure;

/// <summary>
/// The database's keys that requests use — the seals of list cursors and of the change feed's cursors — read once
/// when the server starts, after the database is migrated, or created by the first server of a new database. Every
/// server of the database reads the same keys, so a cursor one issues, another opens.
/// </summary>
internal static class DatabaseKeys
{
    public static async Task ReadDatabaseKeysAsync(this IHost app, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(app);
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ProductQualityDbContext>();
        await app.Services.GetRequiredService<ListCursorKey>().LoadAsync(db, cancellationToken);
        await app.Services.GetRequiredService<ChangeCursors>().LoadAsync(db, cancellationToken);
    }
}
