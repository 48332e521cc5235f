using Microsoft.EntityFrameworkCore;

namespace ProductQuality.Graph.Data;

/// <summary>
/// On PostgreSQL <c>seed</c> runs this server's tables down and up again, which under running servers failed their
/// requests half-way and had them write their access log into tables about to go. Every running server holds one
/// connection listening for the others' commits (<c>LISTEN</c>, the change feed, named by its application_name);
/// while one is connected to the database, seed refuses.
/// </summary>
internal static class PostgresSeedGuard
{
    public static async Task ThrowIfServersRunAsync(ProductQualityDbContext db)
    {
        if (db is not PostgresProductQualityDbContext || !await db.Database.CanConnectAsync())
        {
            return;
        }

        // By application_name, which every role sees: a server connecting as another role (an application role
        // beside the owner's) showed "<insufficient privilege>" as its query and was not seen.
        var listening = await db.Database.SqlQueryRaw<int>(
                "SELECT count(*)::int AS \"Value\" FROM pg_stat_activity WHERE datname = current_database() "
                + "AND pid <> pg_backend_pid() AND (application_name = {0} OR query LIKE 'LISTEN %')",
                Changes.PostgresChangeListener.ApplicationName)
            .SingleAsync();
        if (listening > 0)
        {
            throw new DatabaseStateException($"The database is in use by {listening} running server(s) (connected "
                + "and listening for changes): seed drops and recreates its tables, so stop the servers that use it "
                + "first, or point Database:ConnectionString at another database.");
        }
    }
}
