using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ProductQuality.Graph.Tests.Data;
using ProductQuality.Graph.Tests.Infrastructure;

namespace ProductQuality.Graph.Tests.Operations;

/// <summary>
/// A background service that loses the database logs the outage as the request path does: one warning line, no
/// stack trace. The change listener wrote a 15–25-line stack every 5 s while PostgreSQL was down, about 25,000 lines
/// an hour (the operations probe); the code indexer did the same.
/// </summary>
[OnPostgres]
public sealed class ListenerOutageLogTests
{
    [ProviderFact]
    public async Task The_change_listener_cut_off_by_the_database_logs_one_line_without_a_stack()
    {
        var logs = new WarningSink();
        using var postgres = new PostgresServerFactory();
        using var server = postgres.WithWebHostBuilder(b => b.ConfigureTestServices(
            s => s.AddSingleton<ILoggerProvider>(logs)));
        _ = server.Services;
        await PostgresListenerWait.UntilListeningAsync(postgres.ConnectionString);

        await using (var admin = new Npgsql.NpgsqlConnection(postgres.ConnectionString))
        {
            await admin.OpenAsync();
            await using var cut = new Npgsql.NpgsqlCommand("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                + "WHERE datname = current_database() AND query LIKE 'LISTEN %'", admin);
            await cut.ExecuteNonQueryAsync();
        }

        var deadline = DateTime.UtcNow.AddSeconds(30);
        WarningSink.Entry? failed = null;
        while (failed is null && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
            failed = logs.Entries.FirstOrDefault(e =>
                e.Message.Contains("Listening for other servers' changes failed", StringComparison.Ordinal));
        }

        Assert.NotNull(failed);
        Assert.Equal(LogLevel.Warning, failed.Level);
        Assert.Null(failed.Exception);
        Assert.Contains("more like this in the last", failed.Message, StringComparison.Ordinal);
    }
}
