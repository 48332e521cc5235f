using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ProductQuality.Graph.Changes;

/// <summary>
/// After every committed write transaction (change events are appended in the transaction of the change they
/// describe): wakes this server's subscriptions and, on PostgreSQL, notifies the other servers' listeners.
/// </summary>
internal sealed class ChangeSignalInterceptor(ChangeSignal signal) : DbTransactionInterceptor
{
    public const string Channel = "pqg_changes";

    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData)
    {
        signal.Pulse();
        if (ConnectionOf(eventData) is { } connection)
        {
            using var command = connection.CreateCommand();
            command.CommandText = $"SELECT pg_notify('{Channel}', '')";
            command.ExecuteNonQuery();
        }
    }

    public override async Task TransactionCommittedAsync(
        DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        signal.Pulse();
        if (ConnectionOf(eventData) is { } connection)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT pg_notify('{Channel}', '')";
            await command.ExecuteNonQueryAsync(CancellationToken.None);
        }
    }

    /// <summary>The committed connection when it is PostgreSQL's (still open: the DbContext owns it).</summary>
    private static DbConnection? ConnectionOf(TransactionEndEventData data) =>
        data.Context?.Database.GetDbConnection() is { } connection
        && connection.GetType().Name == "NpgsqlConnection"
        && connection.State == System.Data.ConnectionState.Open
            ? connection
            : null;
}
