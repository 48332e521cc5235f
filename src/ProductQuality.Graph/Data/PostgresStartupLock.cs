using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace ProductQuality.Graph.Data;

/// <summary>
/// Several servers started together on one empty PostgreSQL database each ran the migrations and the first seed at
/// once, and all but one stopped: "relation already exists" (42P07) or a duplicate key (23505). The start-up work is
/// done under a session advisory lock of the database: the first server migrates and seeds, the others wait, then
/// find the database current and seeded and go on. The lock lives on a connection of its own, not pooled, so closing
/// it ends the session and the lock with it — also when the process dies half-way (the server then finds the seed
/// unfinished and says so, as it did before).
/// </summary>
internal sealed class PostgresStartupLock : IAsyncDisposable
{
    private readonly NpgsqlConnection _connection;

    private PostgresStartupLock(NpgsqlConnection connection) => _connection = connection;

    /// <summary>
    /// Waits for the lock, saying so when another holds it. Null on SQLite (a file lease does this there). A database
    /// that does not exist yet is created first, one server at a time: under the same key in the server's maintenance
    /// database (<c>postgres</c>), since an advisory lock belongs to one database; null when that cannot be reached
    /// (the migrations then create the database, or say why not).
    /// </summary>
    public static async Task<PostgresStartupLock?> TakeAsync(
        ProductQualityDbContext db, ILogger logger, CancellationToken cancellationToken)
    {
        if (db is not PostgresProductQualityDbContext)
        {
            return null;
        }

        var target = new NpgsqlConnectionStringBuilder(db.Database.GetConnectionString())
        {
            Pooling = false,
            ApplicationName = "ProductQuality.Graph start-up",
        };
        var key = KeyOf(target.Database ?? "");
        try
        {
            return await TakeAsync(target.ConnectionString, key, logger, cancellationToken);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InvalidCatalogName)
        {
            // Servers started together on a database yet to be created each created and seeded it at once.
        }

        PostgresStartupLock maintenance;
        try
        {
            maintenance = await TakeAsync(
                new NpgsqlConnectionStringBuilder(target.ConnectionString) { Database = "postgres" }.ConnectionString,
                key, logger, cancellationToken);
        }
        catch (NpgsqlException)
        {
            return null;
        }

        await using (maintenance)
        {
            if (!await db.GetService<IRelationalDatabaseCreator>().ExistsAsync(cancellationToken))
            {
                await CreateAsync(db, target, cancellationToken);
            }

            // The lock that counts is the database's own: a server arriving now takes it there.
            return await TakeAsync(target.ConnectionString, key, logger, cancellationToken);
        }
    }

    /// <summary>
    /// Creates the database the settings name. A user that may not (no CREATEDB) was told to grant rights on a
    /// schema, which cannot help: the database is missing, and says so, with the statement that makes it.
    /// </summary>
    private static async Task CreateAsync(
        ProductQualityDbContext db, NpgsqlConnectionStringBuilder target, CancellationToken cancellationToken)
    {
        try
        {
            await db.GetService<IRelationalDatabaseCreator>().CreateAsync(cancellationToken);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InsufficientPrivilege)
        {
            throw new DatabaseStateException($"The database '{target.Database}' named in Database:ConnectionString "
                + $"does not exist, and its user '{target.Username}' may not create it (PostgreSQL: {e.MessageText}). "
                + $"Create it as an administrator, e.g. CREATE DATABASE \"{target.Database}\" OWNER "
                + $"\"{target.Username}\" ENCODING 'UTF8' TEMPLATE template0; or let this user create databases "
                + $"(ALTER ROLE \"{target.Username}\" CREATEDB), or name a database that exists.");
        }
    }

    private static async Task<PostgresStartupLock> TakeAsync(
        string connectionString, long key, ILogger logger, CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnection(connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            if (!await LockAsync(connection, wait: false, key, cancellationToken))
            {
                logger.LogInformation(
                    "Another server is migrating or seeding this database; waiting for it to finish.");
                await LockAsync(connection, wait: true, key, cancellationToken);
            }

            return new PostgresStartupLock(connection);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public ValueTask DisposeAsync() => _connection.DisposeAsync();

    /// <summary>True when taken; with <paramref name="wait"/>, waits until it is (and is true).</summary>
    private static async Task<bool> LockAsync(
        NpgsqlConnection connection, bool wait, long key, CancellationToken cancellationToken)
    {
        // No command timeout: the first server's seed takes as long as it takes; a stopped start cancels the wait.
        await using var command = new NpgsqlCommand(
            wait ? "SELECT pg_advisory_lock(@key), true" : "SELECT pg_try_advisory_lock(@key)", connection)
        {
            CommandTimeout = 0,
        };
        command.Parameters.AddWithValue("key", key);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return reader.GetBoolean(wait ? 1 : 0);
    }

    /// <summary>A key of this server and database name, so no other user of advisory locks collides with it.</summary>
    private static long KeyOf(string database) =>
        BitConverter.ToInt64(SHA256.HashData(Encoding.UTF8.GetBytes("ProductQuality.Graph start-up " + database)));
}
