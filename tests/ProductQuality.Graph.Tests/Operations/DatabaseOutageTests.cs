using System.Data.Common;
using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using ProductQuality.Graph.Data;
using ProductQuality.Graph.Tests.Infrastructure;

namespace ProductQuality.Graph.Tests.Operations;

/// <summary>
/// A database that cannot answer (out of connections, unreachable, restarting, locked, gone) is nobody's bug and no
/// fault of the request: the caller gets DATABASE_UNAVAILABLE with a time to retry (503 with Retry-After where the
/// answer has no data), never INTERNAL_ERROR; the operator gets one warning line per request naming the cause, not
/// an error with a stack trace for every field of every request while the outage lasts. The deployment probe found a
/// PostgreSQL out of connections answered INTERNAL_ERROR with a stack trace per request.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class DatabaseOutageTests(GraphServerFactory factory)
{
    private const string TwoCatalogueReads = "{ a: productCategories { code } b: productCategories { name } }";

    public static TheoryData<string> Outages => [.. OutageExceptions.Keys];

    private static readonly Dictionary<string, Func<Exception>> OutageExceptions = new()
    {
        ["postgres out of connections"] = () => Postgres(PostgresErrorCodes.TooManyConnections),
        ["postgres shutting down"] = () => Postgres(PostgresErrorCodes.AdminShutdown),
        ["postgres starting up"] = () => Postgres(PostgresErrorCodes.CannotConnectNow),
        ["postgres connection failure"] = () => Postgres(PostgresErrorCodes.ConnectionFailure),
        ["postgres database gone"] = () => Postgres(PostgresErrorCodes.InvalidCatalogName),
        ["postgres disk full"] = () => Postgres(PostgresErrorCodes.DiskFull),
        ["npgsql pool exhausted"] = () => new NpgsqlException(
            "The connection pool has been exhausted, either raise 'Max Pool Size'", new TimeoutException()),
        ["npgsql unreachable"] = () => new NpgsqlException("Failed to connect to 10.0.0.9:5432",
            new System.Net.Sockets.SocketException(111)),
        ["sqlite busy"] = () => new SqliteException("SQLite Error 5: 'database is locked'.", 5),
        ["sqlite cannot open"] = () => new SqliteException("SQLite Error 14: 'unable to open database file'.", 14),
        ["sqlite read-only"] = () => new SqliteException("SQLite Error 8: 'attempt to write a readonly database'.", 8),
        ["wrapped by EF's save"] = () => new DbUpdateException("An error occurred while saving the entity changes.",
            Postgres(PostgresErrorCodes.TooManyConnections)),
    };

    [Theory]
    [MemberData(nameof(Outages))]
    public void An_outage_is_told_from_a_fault(string outage) =>
        Assert.NotNull(DatabaseOutage.Reason(OutageExceptions[outage]()));

    [Fact]
    public void Faults_of_the_server_or_the_query_are_not_outages()
    {
        Assert.Null(DatabaseOutage.Reason(Postgres(PostgresErrorCodes.UniqueViolation)));
        Assert.Null(DatabaseOutage.Reason(Postgres(PostgresErrorCodes.UndefinedTable)));
        Assert.Null(DatabaseOutage.Reason(Postgres(PostgresErrorCodes.QueryCanceled)));
        Assert.Null(DatabaseOutage.Reason(Postgres(PostgresErrorCodes.SerializationFailure)));
        Assert.Null(DatabaseOutage.Reason(new SqliteException("SQLite Error 1: 'no such table: X'.", 1)));
        Assert.Null(DatabaseOutage.Reason(new InvalidOperationException("a bug")));
        Assert.Null(DatabaseOutage.Reason(new NpgsqlException("The operation is not valid")));
    }

    [Theory]
    [MemberData(nameof(Outages))]
    public async Task Each_failed_field_says_DATABASE_UNAVAILABLE_and_the_log_says_it_once(string outage)
    {
        _ = factory.Services; // the shared server seeds the database first; this one reuses it
        var logs = new CapturedLogs();
        using var server = factory.WithWebHostBuilder(b => b.ConfigureTestServices(s =>
        {
            s.AddSingleton<IInterceptor>(new FailingCatalogue(OutageExceptions[outage]));
            s.AddSingleton<ILoggerProvider>(logs);
        }));
        using var client = server.CreateClient();
        client.DefaultRequestHeaders.Authorization =
            factory.ClientFor("samr-jiaxing").DefaultRequestHeaders.Authorization;
        client.DefaultRequestHeaders.Add("X-Request-Id", "outage-probe-0001");

        var reply = await client.PostAsync(TwoCatalogueReads);

        // Executed, so 200 with data (the GraphQL over HTTP spec requires a 2xx whenever data is present).
        Assert.Equal(HttpStatusCode.OK, reply.Status);
        var errors = reply.Json.GetProperty("errors").EnumerateArray().ToList();
        Assert.Equal(2, errors.Count);
        foreach (var error in errors)
        {
            var extensions = error.GetProperty("extensions");
            Assert.Equal("DATABASE_UNAVAILABLE", extensions.GetProperty("code").GetString());
            Assert.Equal(DatabaseOutage.RetryAfterSeconds, extensions.GetProperty("retryAfterSeconds").GetInt32());
            Assert.Equal("outage-probe-0001", extensions.GetProperty("requestId").GetString());
            var message = error.GetProperty("message").GetString()!;
            Assert.Contains($"Retry after {DatabaseOutage.RetryAfterSeconds} s", message, StringComparison.Ordinal);
            Assert.Contains("outage-probe-0001", message, StringComparison.Ordinal);
        }

        foreach (var internals in new[] { "Npgsql", "Sqlite", "SQLite", "Exception", "10.0.0.9", "5432", "53300" })
        {
            Assert.DoesNotContain(internals, reply.Body, StringComparison.Ordinal);
        }

        // At most one warning line (one per 10 s from each place while an outage lasts), never an error.
        var ours = logs.Entries.Where(e => e.Category.StartsWith("ProductQuality", StringComparison.Ordinal)
            && e.RequestId == "outage-probe-0001" && e.Level >= LogLevel.Warning).ToList();
        Assert.True(ours.Count <= 1, string.Join("\n", ours.Select(e => e.Message)));
        Assert.All(ours, line =>
        {
            Assert.Equal(LogLevel.Warning, line.Level);
            Assert.DoesNotContain("   at ", line.Message, StringComparison.Ordinal);
            Assert.Contains("the database", line.Message, StringComparison.Ordinal);
        });
    }

    /// <summary>
    /// Warnings about an outage are written one every 10 s from each place, saying how many were left out: at a few
    /// requests a second a 30 s outage wrote a thousand lines (the failure probe).
    /// </summary>
    [Fact]
    public void Outage_warnings_from_one_place_are_one_per_window_with_a_count_of_the_rest()
    {
        var site = $"test-{Guid.NewGuid():N}";
        Assert.True(DatabaseOutage.ShouldLog(site, out var first));
        Assert.Equal(0, first);
        for (var i = 0; i < 5; i++)
        {
            Assert.False(DatabaseOutage.ShouldLog(site, out _));
        }

        Assert.True(DatabaseOutage.ShouldLog($"{site}-other", out _));
    }

    /// <summary>
    /// Every place that may meet a database failure (execution, the endpoint's guard, the access log's refusal,
    /// fail-open answer, WebSocket entry and batch append) logs it through one helper: an outage as a warning line
    /// without a stack trace, one per window from each place; a fault as an error with its stack, every time.
    /// </summary>
    [Fact]
    public void A_database_failure_is_logged_as_an_outage_warning_now_and_then_or_as_an_error_every_time()
    {
        var logs = new CapturedLogs();
        using var loggers = LoggerFactory.Create(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        var logger = loggers.CreateLogger("ProductQuality.Graph.Test");
        var site = $"test-{Guid.NewGuid():N}";

        for (var i = 0; i < 3; i++)
        {
            Assert.NotNull(logger.LogDatabaseFailure(OutageExceptions["sqlite busy"](), site, "Answered unlogged",
                $"req-{i}"));
            Assert.Null(logger.LogDatabaseFailure(new InvalidOperationException("a bug"), site, "Answered unlogged",
                $"req-{i}"));
        }

        Assert.NotNull(logger.LogDatabaseFailure(OutageExceptions["postgres disk full"](), $"{site}-said", "Answered",
            "req-said", outageAlreadyLogged: true));

        var warnings = logs.Entries.Where(e => e.Level == LogLevel.Warning).ToList();
        var warning = Assert.Single(warnings);
        Assert.Contains("Answered unlogged (request req-0): the database is locked by another process", warning.Message,
            StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", warning.Message, StringComparison.Ordinal);
        var errors = logs.Entries.Where(e => e.Level == LogLevel.Error).ToList();
        Assert.Equal(["req-0", "req-1", "req-2"],
            errors.Select(e => e.Message[(e.Message.IndexOf("req-", StringComparison.Ordinal))..].TrimEnd(')')));
        Assert.DoesNotContain(logs.Entries, e => e.Message.Contains("req-said", StringComparison.Ordinal));
    }

    /// <summary>
    /// The fault that is not an outage still answers INTERNAL_ERROR and is logged as an error. (A missing table or
    /// column is a database not migrated: DATABASE_NOT_MIGRATED, MigrationStateTests.)
    /// </summary>
    [Fact]
    public async Task A_fault_that_is_no_outage_stays_an_internal_error()
    {
        _ = factory.Services;
        using var server = factory.WithWebHostBuilder(b => b.ConfigureTestServices(s =>
            s.AddSingleton<IInterceptor>(new FailingCatalogue(() => Postgres(PostgresErrorCodes.SyntaxError)))));
        using var client = server.CreateClient();
        client.DefaultRequestHeaders.Authorization =
            factory.ClientFor("samr-jiaxing").DefaultRequestHeaders.Authorization;
        Assert.Equal("INTERNAL_ERROR", (await client.PostAsync(TwoCatalogueReads)).FirstErrorCode);
    }

    /// <summary>
    /// An outage escaping the endpoint before any data (the guard's catch-all) is 503 with Retry-After, a fault 500.
    /// </summary>
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Before_execution_an_outage_is_503_with_Retry_After_and_a_fault_500(bool outage)
    {
        var guard = new Graph.Infrastructure.Http.UnhandledErrorGuard(
            NullLogger<Graph.Infrastructure.Http.UnhandledErrorGuard>.Instance);
        var http = new Microsoft.AspNetCore.Http.DefaultHttpContext { TraceIdentifier = "guard-probe" };
        http.Response.Body = new MemoryStream();
        await guard.RunAsync(http, _ => throw (outage
            ? Postgres(PostgresErrorCodes.TooManyConnections)
            : new InvalidOperationException("a bug")));

        http.Response.Body.Position = 0;
        var body = await new StreamReader(http.Response.Body).ReadToEndAsync();
        Assert.Equal(outage ? 503 : 500, http.Response.StatusCode);
        Assert.Contains(outage ? "\"DATABASE_UNAVAILABLE\"" : "\"INTERNAL_ERROR\"", body, StringComparison.Ordinal);
        Assert.Equal(outage ? "5" : "", http.Response.Headers.RetryAfter.ToString());
        Assert.DoesNotContain("53300", body, StringComparison.Ordinal);
    }

    /// <summary>Fails only reads of the catalogue, so start-up still succeeds.</summary>
    private sealed class FailingCatalogue(Func<Exception> fault) : DbCommandInterceptor
    {
        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command,
            CommandEventData eventData, InterceptionResult<DbDataReader> result,
            CancellationToken cancellationToken = default) =>
            command.CommandText.Contains("ProductCategories", StringComparison.Ordinal)
                ? throw fault()
                : base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
    }

    private static PostgresException Postgres(string sqlState) =>
        new("injected by the test", "FATAL", "FATAL", sqlState);
}

/// <summary>
/// The deployment probe's case itself: a PostgreSQL role out of connections (its limit reached), as when several
/// servers exhaust <c>max_connections</c>. The server runs as a role of its own whose limit the test sets to zero.
/// </summary>
public sealed class DatabaseOutageOnPostgresTests
{
    [PostgresFact]
    public async Task A_database_out_of_connections_answers_503_or_DATABASE_UNAVAILABLE_with_one_warning_each()
    {
        using var owner = new EmptyPostgresServer();
        _ = owner.Services; // creates and migrates the database
        var role = $"pq_outage_{Guid.NewGuid():N}"[..30];
        var database = new NpgsqlConnectionStringBuilder(owner.ConnectionString).Database!;
        await AdminAsync(null, $"CREATE ROLE \"{role}\" LOGIN",
            $"GRANT CONNECT ON DATABASE \"{database}\" TO \"{role}\"");
        await AdminAsync(database, $"GRANT USAGE ON SCHEMA public TO \"{role}\"",
            $"GRANT ALL ON ALL TABLES IN SCHEMA public TO \"{role}\"",
            $"GRANT ALL ON ALL SEQUENCES IN SCHEMA public TO \"{role}\"");
        var logs = new CapturedLogs();
        try
        {
            var asRole = new NpgsqlConnectionStringBuilder(owner.ConnectionString) { Username = role }.ConnectionString;
            foreach (var accessLog in new[] { "false", "true" })
            {
                using var server = new RoleServer(asRole, accessLog, logs);
                using var client = server.ClientFor("samr-jiaxing");
                (await client.PostAsync("{ productCategories { code } }")).EnsureData();

                await AdminAsync(null, $"ALTER ROLE \"{role}\" CONNECTION LIMIT 0",
                    $"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = '{role}'");
                NpgsqlConnection.ClearAllPools();
                try
                {
                    var reply = await client.PostAsync("{ productCategories { code } }");
                    if (accessLog == "false")
                    {
                        Assert.Equal(HttpStatusCode.OK, reply.Status);
                        Assert.Equal("DATABASE_UNAVAILABLE", reply.FirstErrorCode);
                        Assert.Contains("out of connections", reply.FirstErrorMessage, StringComparison.Ordinal);
                    }
                    else
                    {
                        // No answer leaves unlogged: the log cannot be written either, and says when to retry.
                        Assert.Equal(HttpStatusCode.ServiceUnavailable, reply.Status);
                        Assert.Equal("ACCESS_LOG_UNAVAILABLE", reply.FirstErrorCode);
                        Assert.Equal(TimeSpan.FromSeconds(DatabaseOutage.RetryAfterSeconds),
                            reply.Response.Headers.RetryAfter?.Delta);
                    }

                    Assert.DoesNotContain(role, reply.Body, StringComparison.Ordinal);
                }
                finally
                {
                    await AdminAsync(null, $"ALTER ROLE \"{role}\" CONNECTION LIMIT -1");
                }

                (await client.PostAsync("{ productCategories { code } }")).EnsureData();
            }

            var errors = logs.Entries.Where(e => e.Level >= LogLevel.Error).ToList();
            Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => $"{e.Category}: {e.Message}")));
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await AdminAsync(database, $"REASSIGN OWNED BY \"{role}\" TO CURRENT_USER", $"DROP OWNED BY \"{role}\"");
            await AdminAsync(null, $"DROP ROLE IF EXISTS \"{role}\"");
        }
    }

    private static async Task AdminAsync(string? database, params string[] statements)
    {
        var admin = new NpgsqlConnectionStringBuilder(PostgresTestServer.RequireConnectionString());
        if (database is not null)
        {
            admin.Database = database;
        }

        await using var connection = new NpgsqlConnection(admin.ConnectionString);
        await connection.OpenAsync();
        foreach (var statement in statements)
        {
            await using var command = new NpgsqlCommand(statement, connection);
            await command.ExecuteNonQueryAsync();
        }
    }

    /// <summary>A server over the owner's database as the limited role, its log lines captured.</summary>
    private sealed class RoleServer(string connectionString, string accessLog, CapturedLogs logs) : TestServerFactory
    {
        protected override void ConfigureDatabase(IWebHostBuilder builder)
        {
            builder.UseSetting("Database:Provider", "Postgres");
            builder.UseSetting("Database:ConnectionString", connectionString);
            builder.UseSetting("Database:SeedWhenEmpty", "false");
            builder.UseSetting("AccessLog:Enabled", accessLog);
            builder.ConfigureTestServices(s => s.AddSingleton<ILoggerProvider>(logs));
        }
    }
}
