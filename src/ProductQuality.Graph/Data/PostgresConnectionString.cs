using Npgsql;

namespace ProductQuality.Graph.Data;

/// <summary>
/// The PostgreSQL connection string as the server uses it: with <c>No Reset On Close</c> unless the operator set it.
/// Npgsql otherwise sends <c>DISCARD ALL</c> whenever a pooled connection is returned, one round trip per request (two
/// for a request that opens its connection twice) to reset session state this server never changes: it sets no session
/// variables, creates no temporary tables and takes only transaction-scoped advisory locks, which commit or rollback
/// releases (the start-up's session lock lives on a connection of its own, not pooled). And with a connect timeout of 5
/// s unless it gives one. Built once, because the DbContext is created per request.
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

        // A connection that does not open in 5 s will not (Npgsql waits 15): a frozen PostgreSQL held every request
        // for up to 55 s through its connects, the access log's included. Unless the operator set a Timeout.
        if (!new System.Data.Common.DbConnectionStringBuilder { ConnectionString = configured }.ContainsKey("Timeout"))
        {
            builder.Timeout = ConnectTimeoutSeconds;
        }

        Value = builder.ConnectionString;
    }

    public string Value { get; }

    /// <summary>The connect timeout used unless the connection string gives one.</summary>
    public const int ConnectTimeoutSeconds = 5;
}
