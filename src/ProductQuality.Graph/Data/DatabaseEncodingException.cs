using Microsoft.EntityFrameworkCore;

namespace ProductQuality.Graph.Data;

/// <summary>
/// A PostgreSQL database that does not store text as UTF-8. On SQL_ASCII (the default of a cluster made by
/// <c>initdb</c> without a locale) <c>varchar(n)</c> counts bytes, so a 256-character Chinese batch name passed the
/// server's checks and failed the insert as an internal error; and no conversion guards what is stored. Refused before
/// anything is written, with the statement that makes a database that works.
/// </summary>
public sealed class DatabaseEncodingException(string database, string encoding) : InvalidOperationException(
    $"The PostgreSQL database '{database}' stores text as {encoding}; ProductQuality.Graph needs UTF8 (its limits "
    + $"count characters, and names are Chinese). Create the database as UTF8, e.g. CREATE DATABASE \"{database}\" "
    + "TEMPLATE template0 ENCODING 'UTF8'; (or initdb the cluster with --encoding=UTF8), then start again.")
{
    /// <summary>Throws when the context's database is PostgreSQL and not UTF-8 (SQLite: nothing to check).</summary>
    public static async Task ThrowIfNotUtf8Async(DbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (db is not PostgresProductQualityDbContext)
        {
            return;
        }

        var encoding = await db.Database.SqlQueryRaw<string>("SELECT current_setting('server_encoding') AS \"Value\"")
            .SingleAsync(cancellationToken);
        if (!string.Equals(encoding, "UTF8", StringComparison.OrdinalIgnoreCase))
        {
            throw new DatabaseEncodingException(db.Database.GetDbConnection().Database, encoding);
        }
    }
}
