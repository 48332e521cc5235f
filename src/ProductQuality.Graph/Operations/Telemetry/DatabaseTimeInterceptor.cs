using System.Data.Common;
using System.Diagnostics.Metrics;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ProductQuality.Graph.Operations.Telemetry;

/// <summary>
/// Database time, for both providers alike: every command EF Core runs is recorded in
/// <c>pqg.db.command.duration</c> (provider and outcome) and added to its GraphQL request's database time. EF Core
/// measures the duration itself; reading the rows of a reader is not in it.
/// </summary>
internal sealed class DatabaseTimeInterceptor : DbCommandInterceptor
{
    private readonly Histogram<double> _duration;
    private readonly IHttpContextAccessor _requests;

    public DatabaseTimeInterceptor(IMeterFactory meters, IHttpContextAccessor requests)
    {
        _requests = requests;
        _duration = meters.Create(GraphQLMetrics.MeterName).CreateHistogram("pqg.db.command.duration", "s",
            "Time of one database command, until its first result.",
            advice: new InstrumentAdvice<double>
            {
                HistogramBucketBoundaries = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 5],
            });
    }

    public override DbDataReader ReaderExecuted(DbCommand command, CommandExecutedEventData eventData,
        DbDataReader result) => Done(eventData, result);

    public override ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData,
        DbDataReader result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Done(eventData, result));

    public override int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result) =>
        Done(eventData, result);

    public override ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData,
        int result, CancellationToken cancellationToken = default) => ValueTask.FromResult(Done(eventData, result));

    public override object? ScalarExecuted(DbCommand command, CommandExecutedEventData eventData, object? result) =>
        Done(eventData, result);

    public override ValueTask<object?> ScalarExecutedAsync(DbCommand command, CommandExecutedEventData eventData,
        object? result, CancellationToken cancellationToken = default) => ValueTask.FromResult(Done(eventData, result));

    public override void CommandFailed(DbCommand command, CommandErrorEventData eventData) =>
        Record(eventData.Context, eventData.Duration, "error");

    public override Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData,
        CancellationToken cancellationToken = default)
    {
        Record(eventData.Context, eventData.Duration, "error");
        return Task.CompletedTask;
    }

    private T Done<T>(CommandExecutedEventData eventData, T result)
    {
        Record(eventData.Context, eventData.Duration, "ok");
        return result;
    }

    private void Record(Microsoft.EntityFrameworkCore.DbContext? context, TimeSpan duration, string outcome)
    {
        // Not Database.ProviderName: it reads the provider assembly's name by reflection, on every command.
        var system = context switch
        {
            Data.SqliteProductQualityDbContext => "sqlite",
            Data.PostgresProductQualityDbContext => "postgresql",
            _ => "other",
        };
        _duration.Record(duration.TotalSeconds, new KeyValuePair<string, object?>("db.system.name", system),
            new KeyValuePair<string, object?>(GraphQLMetrics.OutcomeTag, outcome));
        if (_requests.HttpContext is { } http)
        {
            RequestTelemetry.Of(http)?.AddDatabaseTime(duration);
        }
    }
}
