namespace ProductQuality.Graph.Infrastructure.Http;

/// <summary>
/// A request the transport refuses before GraphQL sees it, with the HTTP status and a stable error code.
/// </summary>
internal sealed record RequestError(int Status, string Code, string Message)
{
    /// <summary>
    /// Within <see cref="Schema.DomainErrorInfoProvider.MaxMessageLength"/>, as an execution error's: a message may
    /// quote the request (the parser quotes the token it stopped at, a name 30,000 characters long).
    /// </summary>
    public string Message { get; init; } = Message.Length > Schema.DomainErrorInfoProvider.MaxMessageLength
        ? Schema.DomainErrorInfoProvider.Cut(Message)
        : Message;

    /// <summary>
    /// Numbers written beside the code (a measured value and its limit), so a client can adjust without reading the
    /// sentence, as README promises for every limit.
    /// </summary>
    public IReadOnlyList<KeyValuePair<string, long>> Facts { get; init; } = [];

    /// <summary>What the refused request sent, for its access log entry (null: nothing could be read).</summary>
    public SentRequest? Sent { get; init; }

    public static RequestError BadRequest(string code, string message) =>
        new(StatusCodes.Status400BadRequest, code, message);

    /// <summary>
    /// For a document that fails parsing or validation: legacy <c>application/json</c> answers 200 (the spec's
    /// SHOULD, as for any well-formed request); <c>application/graphql-response+json</c> keeps the 4xx.
    /// </summary>
    public RequestError ForDocument(string mediaType) =>
        mediaType == MediaTypes.Json ? this with { Status = StatusCodes.Status200OK } : this;
}
