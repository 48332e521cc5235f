using Npgsql;

namespace ProductQuality.Graph.Data;

/// <summary>
/// The PostgreSQL connection string as the server uses it: with <c>No Reset On Close</c> unless the operator set it.
/// Npgsql otherwise sends <c>DISCARD ALL</c> whenever a pooled connection is returned, one round trip per request
/// (two for a request that opens its connection twice) to reset session state this server never changes: it sets no
/// session variables, creates no temporary tables and takes only transaction-scoped advisory locks, which commit or
/// rollback releases. Built once, because the DbContext is created per request.
/// </summary>
public sealed class PostgresConnectionString
{
    public PostgresConnectionString(string configured)
    {
        var builder = new NpgsqlConnectionStringBuilder(configured);
        if (!configured.Contains("Reset On Close", StringComparison.OrdinalIgnoreCase))
        {
            builder.NoResetOnClose = true;
        }

        Value = builder.ConnectionString;
    }

    public string Value { get; }
}
