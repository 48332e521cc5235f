namespace ProductQuality.Graph.Schema;

/// <summary>
/// What a caller sees of a server fault: a fixed sentence, the INTERNAL_ERROR code and the request id the fault
/// was logged under — never the exception's type, message or stack.
/// </summary>
public static class InternalError
{
    public static string Message(string? requestId) => requestId is null
        ? "An internal error occurred and was logged: retry, or report the time of the request."
        : $"An internal error occurred and was logged under request id {requestId}: retry, or report that id.";

    public static DomainException Create(string? requestId) => new(ErrorCodes.InternalError, Message(requestId),
        new Dictionary<string, object?> { ["requestId"] = requestId });
}
