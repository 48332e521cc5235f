namespace ProductQuality.Graph.Audit;

/// <summary>How a request ended, as the access log records it.</summary>
public enum AccessOutcome
{
    /// <summary>Answered without errors.</summary>
    Ok,

    /// <summary>
    /// Refused or answered with errors the caller can fix: a malformed request, a document that fails parsing or
    /// validation, a bad argument or input (the error code says which).
    /// </summary>
    ValidationError,

    /// <summary>No valid identity: a bad, expired or forged token (401).</summary>
    Unauthorised,

    /// <summary>An identity the policy refuses: an unknown department, a missing mandatory purpose (403).</summary>
    Forbidden,

    /// <summary>Refused by a fair-use limit: rate, cost, size, timeout, too many codes.</summary>
    Limited,

    /// <summary>A fault of the server itself (5xx, INTERNAL_ERROR).</summary>
    Error,

    /// <summary>
    /// The caller went away (closed the connection or cancelled) before its answer was sent, and it was not refused:
    /// nothing was delivered (status 499, CLIENT_CLOSED_REQUEST). The field groups and codes say what ran for it
    /// (a write may have been committed). A refusal decided before the caller left is logged as that refusal.
    /// </summary>
    Cancelled,
}
