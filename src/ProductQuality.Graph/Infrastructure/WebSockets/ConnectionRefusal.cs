namespace ProductQuality.Graph.Infrastructure.WebSockets;

/// <summary>
/// A refusal that closes the connection: the close code and reason the client gets, and the stable error code and
/// HTTP status the same refusal has over HTTP (a bad token 401, a body too large 413, past the rate 429), from which
/// its access log entry takes its outcome — the entry's status is the close code, what the client received.
/// </summary>
internal sealed record ConnectionRefusal(int CloseCode, string Code, int Status, string Reason)
{
    /// <summary>What a refused subscribe sent, for its entry, as over HTTP (null: not a subscribe, or nothing read).
    /// </summary>
    public Http.SentRequest? Sent { get; init; }

    /// <summary>Not a protocol message (an object with a string 'type', an 'id' where needed, a known type).</summary>
    public static ConnectionRefusal BadMessage(string reason) =>
        new(CloseCodes.BadRequest, "INVALID_MESSAGE", StatusCodes.Status400BadRequest, reason);

    /// <summary>Not JSON in UTF-8: as an HTTP body that is not, INVALID_JSON.</summary>
    public static ConnectionRefusal NotJson(string reason) =>
        new(CloseCodes.BadRequest, "INVALID_JSON", StatusCodes.Status400BadRequest, reason);

    /// <summary>
    /// A text frame that is not UTF-8, closed by the WebSocket itself with RFC 6455's code and no reason (the
    /// reason is what the log keeps); INVALID_JSON as an HTTP body that is not UTF-8.
    /// </summary>
    public static ConnectionRefusal NotUtf8() => new(CloseCodes.InvalidPayloadData, "INVALID_JSON",
        StatusCodes.Status400BadRequest, "A text message must be UTF-8 (RFC 6455 §5.6).");

    /// <summary>A frame the WebSocket layer refused (RFC 6455's framing rules), with the rule it named.</summary>
    public static ConnectionRefusal BrokenFrame(string rule) => new(CloseCodes.ProtocolError, "INVALID_FRAME",
        StatusCodes.Status400BadRequest, rule);

    /// <summary>
    /// A token refused at connection_init, with the code HTTP answers it with (INVALID_TOKEN, …); one that could not
    /// be checked (503, the identity provider away) closes with Try Again Later, which clients reconnect after.
    /// </summary>
    public static ConnectionRefusal Token(string code, int status, string message) =>
        new(status == StatusCodes.Status503ServiceUnavailable ? CloseCodes.TryAgainLater : CloseCodes.Forbidden,
            code, status, $"{code}: {message}");

    public static ConnectionRefusal Binary() => new(CloseCodes.BadRequest, "BINARY_MESSAGE",
        StatusCodes.Status415UnsupportedMediaType, "Binary messages are not part of the protocol: send JSON text.");

    public static ConnectionRefusal TooBig(int limit) => new(CloseCodes.MessageTooBig, "REQUEST_TOO_LARGE",
        StatusCodes.Status413PayloadTooLarge, $"Message too big: at most {limit} bytes.");

    public static ConnectionRefusal NotAcknowledged() => new(CloseCodes.Unauthorized, "CONNECTION_NOT_INITIALISED",
        StatusCodes.Status401Unauthorized, "Unauthorized: send connection_init and wait for connection_ack");

    public static ConnectionRefusal InitTimeout() => new(CloseCodes.InitTimeout, "CONNECTION_INIT_TIMEOUT",
        StatusCodes.Status408RequestTimeout, "Connection initialisation timeout");

    // A protocol mistake, not a limit: 4429 is the protocol's code, the outcome a validation error.
    public static ConnectionRefusal SecondInit() => new(CloseCodes.TooManyInits, "TOO_MANY_INITIALISATIONS",
        StatusCodes.Status400BadRequest, "Too many initialisation requests");

    public static ConnectionRefusal IdInUse(string id) => new(CloseCodes.SubscriberExists, "OPERATION_ID_IN_USE",
        StatusCodes.Status409Conflict, $"Subscriber for {Quoted.Start(id)} already exists");
}
