using Microsoft.AspNetCore.Hosting;
using Npgsql;
using ProductQuality.Graph.Tests.Infrastructure;

namespace ProductQuality.Graph.Tests.Audit;

/// <summary>
/// One of several servers over the same PostgreSQL database, as production runs them behind a load balancer. The
/// first creates (and on dispose drops) the database; the others join it once it is migrated and seeded. Further
/// settings (e.g. retention's) may be given.
/// </summary>
public sealed class SharedDatabaseServerFactory(string database, bool owner,
    IReadOnlyDictionary<string, string>? settings = null) : TestServerFactory
{
    private string? _admin;

    protected override void ConfigureDatabase(IWebHostBuilder builder)
    {
        _admin = PostgresTestServer.RequireConnectionString();
        if (owner)
        {
            using var connection = new NpgsqlConnection(_admin);
            connection.Open();
            using var create = new NpgsqlCommand($"CREATE DATABASE \"{database}\"", connection);
            create.ExecuteNonQuery();
        }

        builder.UseSetting("Database:Provider", "Postgres");
        builder.UseSetting("Database:ConnectionString",
            new NpgsqlConnectionStringBuilder(_admin) { Database = database }.ConnectionString);
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            builder.UseSetting(key, value);
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (!owner || _admin is null)
        {
            return;
        }

        NpgsqlConnection.ClearAllPools();
        using var connection = new NpgsqlConnection(_admin);
        connection.Open();
        using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", connection);
        drop.ExecuteNonQuery();
        _admin = null;
    }
}
