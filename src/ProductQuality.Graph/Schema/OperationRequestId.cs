namespace ProductQuality.Graph.Schema;

/// <summary>
/// The request id errors carry while one WebSocket operation's result is written. Over HTTP it is the request's
/// (<c>HttpContext.TraceIdentifier</c>); over WebSocket that is the connection's, while the access log keeps each
/// operation as "connection:operation id": errors carried the connection's id, which no log entry has.
/// </summary>
internal static class OperationRequestId
{
    private static readonly AsyncLocal<string?> Current = new();

    /// <summary>The operation's id while its result is written, else null.</summary>
    public static string? Value => Current.Value;

    /// <summary>Writes with <paramref name="requestId"/> as the errors' request id.</summary>
    public static T While<T>(string requestId, Func<T> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        var outer = Current.Value;
        Current.Value = requestId;
        try
        {
            return write();
        }
        finally
        {
            Current.Value = outer;
        }
    }
}
