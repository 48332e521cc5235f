using System.Diagnostics;
using GraphQL;
using ProductQuality.Graph.Schema;

namespace ProductQuality.Graph.Operations.Telemetry;

/// <summary>
/// What the metrics say about one GraphQL request, filled in as the endpoint learns it (who asked, which operation,
/// its estimated cost, how it ended) and recorded once when the request ends. Kept on the request's features.
/// </summary>
public sealed class RequestTelemetry
{
    public const string NoDepartment = "(none)";
    public const string Public = "public";

    private long _databaseTicks;

    /// <summary>The department id, <c>public</c>, or <c>(none)</c> before (or without) a valid identity.</summary>
    public string Department { get; private set; } = NoDepartment;

    /// <summary>The name of the operation run, as the document names it (labelled by <see cref="OperationNames"/>).
    /// </summary>
    public string? OperationName { get; private set; }

    /// <summary><c>query</c>, <c>mutation</c>, <c>subscription</c>; null until the document is parsed.</summary>
    public string? OperationType { get; private set; }

    /// <summary>The estimated rows (the cost limiter's figure); null when it was not estimated.</summary>
    public long? Cost { get; set; }

    /// <summary>One of <see cref="Outcomes"/>; null until known (then derived from the status).</summary>
    public string? Outcome { get; set; }

    public TimeSpan DatabaseTime => TimeSpan.FromTicks(Interlocked.Read(ref _databaseTicks));

    public static RequestTelemetry? Of(HttpContext http) => http?.Features.Get<RequestTelemetry>();

    public void Identified(string? department) => Department = department ?? Public;

    public void Selected(GraphQLParser.AST.GraphQLOperationDefinition? operation)
    {
        OperationName = operation?.Name?.StringValue;
#pragma warning disable CA1308 // the OpenTelemetry convention spells the operation types in lower case
        OperationType = operation?.Operation.ToString().ToLowerInvariant();
#pragma warning restore CA1308
    }

    public void AddDatabaseTime(TimeSpan duration) => Interlocked.Add(ref _databaseTicks, duration.Ticks);

    /// <summary>The outcome of an executed (or validated and failed) request.</summary>
    public void Completed(ExecutionResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var errors = result.Errors is { Count: > 0 };
        Outcome = !errors ? Outcomes.Ok
            : result.Errors!.Any(e => e.Code == ErrorCodes.InternalError) ? Outcomes.Error
            : result.Executed ? Outcomes.FieldError
            : Outcomes.ValidationError;
    }

    /// <summary>
    /// A transport refusal: its status and code say which kind (as in the access log), unless a limit already said
    /// "limited". Called with the status alone when the request ends, for an answer nothing else classified.
    /// </summary>
    public void Refused(int status, string? errorCode = null) => Outcome ??= Outcomes.ForRefusal(status, errorCode);

    /// <summary>
    /// The request ended with <paramref name="status"/>. An executed request whose answer the server then withheld
    /// (its access log entry could not be stored: 503, no data) was counted "ok" or "field_error" although its
    /// caller got nothing (the operations probe): it is an error.
    /// </summary>
    public void Ended(int status)
    {
        if (status >= StatusCodes.Status500InternalServerError && Outcome is Outcomes.Ok or Outcomes.FieldError)
        {
            Outcome = Outcomes.Error;
            return;
        }

        Refused(status);
    }

    internal void Tag(Activity? activity, string operationLabel)
    {
        if (activity is null)
        {
            return;
        }

        activity.SetTag(GraphQLMetrics.DepartmentTag, Department);
        activity.SetTag(GraphQLMetrics.OperationNameTag, operationLabel);
        activity.SetTag(GraphQLMetrics.OperationTypeTag, OperationType);
        activity.SetTag(GraphQLMetrics.OutcomeTag, Outcome);
        activity.SetTag("pqg.cost", Cost);
    }
}
