namespace ProductQuality.Graph.Operations.Telemetry;

/// <summary>How a GraphQL request ended, as the <c>pqg.outcome</c> label says it: a closed set, the access log's
/// words.</summary>
public static class Outcomes
{
    public const string Ok = "ok";

    /// <summary>Executed, with errors beside the data (e.g. a malformed credit code answered null).</summary>
    public const string FieldError = "field_error";

    /// <summary>Refused before execution: unreadable request, syntax, validation, variables.</summary>
    public const string ValidationError = "validation_error";

    public const string Unauthorised = "unauthorised";
    public const string Forbidden = "forbidden";

    /// <summary>A request limit: rate, cost, size of the document, timeout.</summary>
    public const string Limited = "limited";

    /// <summary>A fault of the server (INTERNAL_ERROR).</summary>
    public const string Error = "error";

    /// <summary>
    /// A refusal's outcome as its access log entry has it. From the status alone, a refusal answered 200 (a syntax
    /// error, a document too deep, under Accept: application/json) was counted "ok" while the log said otherwise.
    /// </summary>
    public static string ForRefusal(int status, string? errorCode) =>
        Audit.AccessOutcomes.Of(status, errorCode, faulted: false) switch
        {
            Audit.AccessOutcome.Ok => Ok,
            Audit.AccessOutcome.Unauthorised => Unauthorised,
            Audit.AccessOutcome.Forbidden => Forbidden,
            Audit.AccessOutcome.Limited => Limited,
            Audit.AccessOutcome.Error => Error,
            _ => ValidationError,
        };
}
