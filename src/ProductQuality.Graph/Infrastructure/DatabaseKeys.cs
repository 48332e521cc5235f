using ProductQuality.Graph.Data;

namespace ProductQuality.Graph.Infrastructure;

/// <summary>
/// Reads the database's keys that requests use (<see cref="CursorKeys"/>) once when the server starts, after the
/// database is migrated; the first server of a new database creates them.
/// </summary>
internal static class DatabaseKeys
{
    public static async Task ReadDatabaseKeysAsync(this IHost app, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(app);
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ProductQualityDbContext>();
        await app.Services.GetRequiredService<CursorKeys>().LoadAsync(db, cancellationToken);
    }
}
