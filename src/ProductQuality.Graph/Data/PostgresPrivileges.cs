using Microsoft.EntityFrameworkCore;

namespace ProductQuality.Graph.Data;

/// <summary>
/// A server whose PostgreSQL user may read but not write the tables started, said it was ready, and then refused
/// every request with "the access log cannot be written just now, retry after 5 s" — a state no retry ends (the
/// operations probe). The start checks that the user may read and add rows to every table of the model, and stops
/// with the grant to make instead. UPDATE and DELETE are not required here: a DBA may take them away on purpose (an
/// access log no one can rewrite, with retention off), and the work that needs them says so when it runs. The one
/// exception is DELETE on UnloggedWrites, which every write's access log entry needs.
/// </summary>
internal static class PostgresPrivileges
{
    /// <summary>Throws <see cref="DatabaseStateException"/> naming the tables this user cannot fully use.</summary>
    public static async Task ThrowIfMissingAsync(ProductQualityDbContext db, CancellationToken cancellationToken)
    {
        if (db is not PostgresProductQualityDbContext)
        {
            return;
        }

        var tables = db.Model.GetEntityTypes().Select(t => t.GetTableName()).OfType<string>().Distinct().ToArray();
        var missing = await db.Database.SqlQuery<string>($"""
            SELECT c.relname AS "Value" FROM pg_class c
            WHERE c.relname = ANY ({tables}) AND c.relkind = 'r' AND pg_table_is_visible(c.oid)
              AND NOT (has_table_privilege(c.oid, 'SELECT') AND has_table_privilege(c.oid, 'INSERT')
                AND (c.relname <> {SettledTable} OR has_table_privilege(c.oid, 'DELETE')))
            ORDER BY c.relname
            """).ToListAsync(cancellationToken);
        if (missing.Count == 0)
        {
            return;
        }

        var user = new Npgsql.NpgsqlConnectionStringBuilder(db.Database.GetConnectionString()).Username ?? "this user";
        var named = string.Join(", ", missing.Take(5)) + (missing.Count > 5 ? $" and {missing.Count - 5} more" : "");
        throw new DatabaseStateException($"The database user {user} may not read and add rows to every table this "
            + $"server writes ({named}): grant it, e.g. GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA "
            + $"public TO {user}; GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO {user}; or run the server as the "
            + "tables' owner. A user that may only read cannot serve: every answer needs its access log entry"
            + (missing.Contains(SettledTable) ? $", and each write's entry deletes its row of {SettledTable}." : "."));
    }

    // Each write's row here is deleted by the transaction storing its access log entry: without DELETE every write's
    // entry, and the batch of entries with it, would fail.
    private const string SettledTable = "UnloggedWrites";
}
