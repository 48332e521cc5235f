namespace ProductQuality.Graph.Audit;

/// <summary>Which <see cref="AccessOutcome"/> an answer is, from its HTTP status and its first error code.</summary>
public static class AccessOutcomes
{
    // The codes of the fair-use limits (README, "Limits"): refused for asking too much, not for asking wrongly.
    private static readonly HashSet<string> LimitCodes = new(StringComparer.Ordinal)
    {
        "RATE_LIMITED", "QUERY_TOO_COMPLEX", "QUERY_TIMEOUT", "TOO_MANY_OPERATIONS", "TOO_MANY_ALIASES",
        "TOO_MANY_FIELDS", "TOO_MANY_REPEATS", "TOO_MANY_CODES", "DOCUMENT_TOO_DEEP", "REQUEST_TOO_LARGE",
        "DOCUMENT_TOO_LARGE", "QUERY_TOO_DEEP",
    };

    /// <summary>The outcome as the schema's enum names it (OK, VALIDATION_ERROR, …): the summary's keys.</summary>
    public static string GraphQLName(AccessOutcome outcome) =>
        string.Concat(outcome.ToString().Select((c, i) => i > 0 && char.IsUpper(c) ? "_" + c : c.ToString()))
            .ToUpperInvariant();

    /// <summary>
    /// The outcome a stored name states, only as the log writes it ("Ok", never "ok" or "0"): the chain hashes the
    /// name, so a reading that forgave case or numbers let bytes be changed under an intact chain.
    /// </summary>
    public static bool TryParseStored(string? name, out AccessOutcome outcome) =>
        Enum.TryParse(name, ignoreCase: false, out outcome) && Enum.IsDefined(outcome)
            && string.Equals(outcome.ToString(), name, StringComparison.Ordinal);

    /// <summary>
    /// The status recorded for a request whose caller went away before the answer was sent (nginx's "client closed
    /// request"): no answer had that status, none was sent.
    /// </summary>
    public const int ClientClosedRequest = 499;

    /// <summary>The code recorded with <see cref="ClientClosedRequest"/>.</summary>
    public const string ClientClosedCode = "CLIENT_CLOSED_REQUEST";

    /// <summary>
    /// The code recorded (status 503) for a WebSocket operation the server cut short because it was stopping: its
    /// caller was told so by the close (1001) and resumes from its last cursor.
    /// </summary>
    public const string ServerStoppingCode = "SERVER_STOPPING";

    public static AccessOutcome Of(int status, string? errorCode, bool faulted) => status switch
    {
        _ when faulted || status >= 500 || errorCode == Schema.ErrorCodes.InternalError => AccessOutcome.Error,
        ClientClosedRequest => AccessOutcome.Cancelled,
        StatusCodes.Status401Unauthorized => AccessOutcome.Unauthorised,
        StatusCodes.Status403Forbidden => AccessOutcome.Forbidden,
        StatusCodes.Status429TooManyRequests or StatusCodes.Status413PayloadTooLarge => AccessOutcome.Limited,
        _ when errorCode is not null && LimitCodes.Contains(errorCode) => AccessOutcome.Limited,
        _ when errorCode is not null || status >= 400 => AccessOutcome.ValidationError,
        _ => AccessOutcome.Ok,
    };
}
