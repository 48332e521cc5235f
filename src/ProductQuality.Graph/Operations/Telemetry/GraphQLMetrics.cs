using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace ProductQuality.Graph.Operations.Telemetry;

/// <summary>
/// The server's own instruments (meter <c>ProductQuality.Graph</c>): GraphQL requests by department, operation and
/// outcome, their duration and database time, and the estimated cost of each operation. ASP.NET Core's
/// <c>http.server.request.duration</c> covers every HTTP request beside these.
/// </summary>
public sealed class GraphQLMetrics
{
    public const string MeterName = "ProductQuality.Graph";
    public const string DepartmentTag = "pqg.department";
    public const string OperationNameTag = "graphql.operation.name";
    public const string OperationTypeTag = "graphql.operation.type";
    public const string OutcomeTag = "pqg.outcome";

    private static readonly double[] SecondsBuckets =
        [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

    private static readonly long[] CostBuckets = [1, 10, 50, 100, 500, 1_000, 5_000, 10_000, 50_000, 100_000];

    private readonly Counter<long> _requests;
    private readonly Histogram<double> _duration;
    private readonly Histogram<double> _databaseTime;
    private readonly Histogram<long> _cost;

    private readonly OperationNames _names;

    public GraphQLMetrics(IMeterFactory meters, OperationNames names)
    {
        ArgumentNullException.ThrowIfNull(meters);
        _names = names;
        var meter = meters.Create(MeterName);
        _requests = meter.CreateCounter<long>("pqg.graphql.requests", "{request}",
            "GraphQL requests by department, operation and outcome.");
        _duration = meter.CreateHistogram("pqg.graphql.request.duration", "s",
            "Time to answer a GraphQL request, from arrival to the last byte written.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = SecondsBuckets });
        _databaseTime = meter.CreateHistogram("pqg.graphql.request.database.duration", "s",
            "Time one GraphQL request spent in database commands.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = SecondsBuckets });
        _cost = meter.CreateHistogram("pqg.graphql.query.cost", "{row}",
            "Estimated rows of an operation (the cost the limits check), recorded whether it ran or was refused.",
            advice: new InstrumentAdvice<long> { HistogramBucketBoundaries = CostBuckets });
    }

    /// <summary>Runs the GraphQL endpoint and records the request once it has been answered.</summary>
    public async Task MeasureAsync(HttpContext http, Func<HttpContext, Task> endpoint)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(endpoint);
        var telemetry = new RequestTelemetry();
        http.Features.Set(telemetry);
        var started = Stopwatch.GetTimestamp();
        try
        {
            await endpoint(http);
        }
        finally
        {
            telemetry.Ended(http.Response.StatusCode);
            var operation = _names.Label(telemetry.Department, telemetry.OperationName);
            Record(telemetry, operation, Stopwatch.GetElapsedTime(started));
            telemetry.Tag(Activity.Current, operation);
        }
    }

    private void Record(RequestTelemetry telemetry, string operation, TimeSpan elapsed)
    {
        var tags = new TagList
        {
            { DepartmentTag, telemetry.Department },
            { OperationNameTag, operation },
            { OperationTypeTag, telemetry.OperationType ?? "(none)" },
        };
        if (telemetry.Cost is { } cost)
        {
            _cost.Record(cost, tags);
        }

        tags.Add(OutcomeTag, telemetry.Outcome);
        _requests.Add(1, tags);
        _duration.Record(elapsed.TotalSeconds, tags);
        _databaseTime.Record(telemetry.DatabaseTime.TotalSeconds, tags);
    }
}
