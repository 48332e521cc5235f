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

    public static string ForStatus(int status) => status switch
    {
        < 400 => Ok,
        StatusCodes.Status401Unauthorized => Unauthorised,
        StatusCodes.Status403Forbidden => Forbidden,
        StatusCodes.Status429TooManyRequests => Limited,
        >= 500 => Error,
        _ => ValidationError,
    };
}
