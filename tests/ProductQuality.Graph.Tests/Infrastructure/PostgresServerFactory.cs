using Microsoft.AspNetCore.Hosting;
using Npgsql;

namespace ProductQuality.Graph.Tests.Infrastructure;

/// <summary>
/// The test server over PostgreSQL (<c>PQG_TEST_POSTGRES</c>): a fresh database per factory, migrated and seeded by
/// the server itself exactly as on SQLite, and dropped on dispose. Nothing touches the server until first use, so
/// the fixture costs nothing where the PostgreSQL tests skip.
/// </summary>
public class PostgresServerFactory : TestServerFactory
{
    private readonly string _database = $"pq_tests_{Guid.NewGuid():N}";
    private string? _adminConnectionString;

    /// <summary>The connection string of this factory's database, for verbs run as processes over it.</summary>
    public string ConnectionString => new NpgsqlConnectionStringBuilder(PostgresTestServer.RequireConnectionString())
        { Database = _database }.ConnectionString;

    protected override void ConfigureDatabase(IWebHostBuilder builder)
    {
        // A factory derived by WithWebHostBuilder configures through this one again: its server shares the database.
        if (_adminConnectionString is null)
        {
            _adminConnectionString = PostgresTestServer.RequireConnectionString();
            CreateDatabase(_adminConnectionString, _database);
        }

        var server = new NpgsqlConnectionStringBuilder(_adminConnectionString) { Database = _database };
        builder.UseSetting("Database:Provider", "Postgres");
        builder.UseSetting("Database:ConnectionString", server.ConnectionString);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (_adminConnectionString is null)
        {
            return;
        }

        NpgsqlConnection.ClearAllPools();
        using var connection = new NpgsqlConnection(_adminConnectionString);
        connection.Open();
        using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_database}\" WITH (FORCE)", connection);
        drop.ExecuteNonQuery();
        _adminConnectionString = null;
    }

    /// <summary>
    /// A linguistic (ICU zh-CN) collation, as production databases usually have, rather than the cluster's default:
    /// with byte-order collation, answers that depend on how the database compares Chinese text would pass here and
    /// differ in production. Servers without ICU (before PostgreSQL 15, or built without it) get their default.
    /// </summary>
    private static void CreateDatabase(string adminConnectionString, string database)
    {
        using var connection = new NpgsqlConnection(adminConnectionString);
        connection.Open();
        try
        {
            using var icu = new NpgsqlCommand($"CREATE DATABASE \"{database}\" TEMPLATE template0 ENCODING 'UTF8' "
                + "LOCALE 'C' LOCALE_PROVIDER icu ICU_LOCALE 'zh-CN'", connection);
            icu.ExecuteNonQuery();
        }
        catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.SyntaxError
            or PostgresErrorCodes.FeatureNotSupported or PostgresErrorCodes.InvalidParameterValue)
        {
            using var plain = new NpgsqlCommand($"CREATE DATABASE \"{database}\"", connection);
            plain.ExecuteNonQuery();
        }
    }
}
