namespace ProductQuality.Graph.Tests.Infrastructure;

/// <summary>
/// Where the PostgreSQL tests find a server: the connection string in <c>PQG_TEST_POSTGRES</c>, which
/// <c>.ci/run</c> sets after starting a throwaway cluster. Without it they skip locally, but never in CI.
/// </summary>
public static class PostgresTestServer
{
    public const string Variable = "PQG_TEST_POSTGRES";

    public static string? ConnectionString =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value ? value : null;

    /// <summary>
    /// Why PostgreSQL tests skip, or null when they run. In CI (CI=true) they always run, so a missing server fails
    /// them loudly instead of letting the suite pass without ever touching PostgreSQL.
    /// </summary>
    public static string? SkipReason =>
        ConnectionString is null && !IsCi
            ? $"PostgreSQL tests need a server: run `bash .ci/run` (it starts a throwaway one), or set {Variable} to a "
                + "connection string of a server where you may create databases, e.g. "
                + "\"Host=127.0.0.1;Port=5432;Username=postgres;Database=postgres\"."
            : null;

    /// <summary>The connection string, or a failure that says how to provide one (CI without a server).</summary>
    public static string RequireConnectionString() => ConnectionString
        ?? throw new InvalidOperationException($"{Variable} is not set, so the PostgreSQL tests cannot "
            + $"run{(IsCi ? " (CI=true: they may not skip; .ci/run starts a server and sets it)" : "")}.");

    /// <summary>Runs <paramref name="sql"/> on its own connection (roles, grants, a backend to terminate).</summary>
    public static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new Npgsql.NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static bool IsCi =>
        string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
}
