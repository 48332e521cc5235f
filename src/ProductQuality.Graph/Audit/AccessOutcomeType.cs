using ProductQuality.Graph.Schema.Enums;

namespace ProductQuality.Graph.Audit;

public sealed class AccessOutcomeType() : DescribedEnumType<AccessOutcome>(
    "AccessOutcome",
    "How a logged request ended (访问结果).",
    new Dictionary<AccessOutcome, string>
    {
        [AccessOutcome.Ok] = "Answered without errors.",
        [AccessOutcome.ValidationError] = "Refused or answered with errors the caller can fix (malformed request, "
            + "document that fails validation, bad argument or input); errorCode says which.",
        [AccessOutcome.Unauthorised] = "No valid identity: a bad, expired or forged token (401).",
        [AccessOutcome.Forbidden] =
            "An identity the policy refuses: unknown department, missing mandatory purpose (403).",
        [AccessOutcome.Limited] = "Refused by a fair-use limit: rate, cost, size, timeout, too many codes.",
        [AccessOutcome.Error] = "A fault of the server itself. errorCode ENTRY_RECOVERED: a write committed whose "
            + "request's entry was never stored (the log failed, or the server stopped, before it), recorded later "
            + "from what the write's transaction kept (status 503; nothing was delivered).",
        [AccessOutcome.Cancelled] = "The caller went away (closed the connection or cancelled) before its answer "
            + "was sent: nothing was delivered (status 499, errorCode CLIENT_CLOSED_REQUEST); fieldGroups and the "
            + "codes say what ran for it (a write may have been committed).",
    });
