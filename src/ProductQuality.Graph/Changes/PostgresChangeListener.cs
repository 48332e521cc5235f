using Npgsql;
using ProductQuality.Graph.Data;

namespace ProductQuality.Graph.Changes;

/// <summary>
/// With several servers on one PostgreSQL database, each learns of another's commits through LISTEN/NOTIFY and
/// wakes its own subscriptions. If the listening connection fails, it reconnects; meanwhile subscriptions still
/// read again on their poll interval, so nothing is missed, only later.
/// </summary>
internal sealed partial class PostgresChangeListener(
    PostgresConnectionString connectionString, ChangeSignal signal, ILogger<PostgresChangeListener> logger)
    : BackgroundService
{
    /// <summary>
    /// The listening connection's application_name, which pg_stat_activity shows to every role (its query text only
    /// to the same role): how <c>seed</c> sees a running server, whichever role it connects as.
    /// </summary>
    public const string ApplicationName = "ProductQuality.Graph change listener";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(
                    new NpgsqlConnectionStringBuilder(connectionString.Value) { ApplicationName = ApplicationName }
                        .ConnectionString);
                await connection.OpenAsync(stoppingToken);
                connection.Notification += (_, _) => signal.Pulse();
                await using (var listen = new NpgsqlCommand($"LISTEN {ChangeSignalInterceptor.Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }

                signal.Pulse();   // anything committed while we were not listening
                while (!stoppingToken.IsCancellationRequested)
                {
                    await connection.WaitAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is NpgsqlException or InvalidOperationException or TimeoutException)
            {
                // An outage is a warning line now and then, no stack trace: it wrote 15–25 lines every 5 s while the
                // database was down (the operations probe). A fault that is no outage keeps its stack.
                logger.LogDatabaseFailure(e, "change listener", "Listening for other servers' changes failed; "
                    + "reconnecting in 5 s (subscriptions still poll meanwhile)", null);
                await Task.Delay(TimeSpan.FromSeconds(5), stoppingToken)
                    .ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }
}
