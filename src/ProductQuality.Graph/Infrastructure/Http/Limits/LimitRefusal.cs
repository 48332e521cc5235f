namespace ProductQuality.Graph.Infrastructure.Http.Limits;

/// <summary>
/// A request refused by a limit: the HTTP status, a stable code, a message that says what to do, and the measured
/// value beside the limit (written into <c>extensions</c>) so a client can adjust without parsing the message.
/// </summary>
internal sealed record LimitRefusal(
    int Status, string Code, string Message, IReadOnlyList<KeyValuePair<string, long>> Facts)
{
    /// <summary>
    /// A refusal past the rate beyond those logged one by one in its window: answered, counted in the request
    /// metrics, but not written to the access log (it returned nothing; unbounded, it filled the disk).
    /// </summary>
    public bool Unlogged { get; init; }

    public static LimitRefusal BadRequest(string code, string message, string measured, long value, long limit) =>
        new(StatusCodes.Status400BadRequest, code, message, [new(measured, value), new("limit", limit)]);

    /// <summary>
    /// A refused document is answered like a failed validation: 400 under the GraphQL response media type, 200 under
    /// legacy application/json (the spec's SHOULD). Other statuses, such as 429, are the same for both.
    /// </summary>
    public int StatusFor(string mediaType) =>
        Status == StatusCodes.Status400BadRequest && mediaType == MediaTypes.Json ? StatusCodes.Status200OK : Status;
}
