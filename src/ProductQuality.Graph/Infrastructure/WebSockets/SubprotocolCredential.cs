namespace ProductQuality.Graph.Infrastructure.WebSockets;

/// <summary>
/// A credential offered as a WebSocket subprotocol, as some browser clients do because a browser's WebSocket cannot
/// send an Authorization header: a JWT (<c>eyJ…</c>), <c>Bearer</c> or a value naming it, or Kubernetes'
/// <c>base64url.bearer.authorization.k8s.io.…</c>. The server never reads a token there (proxies log the header),
/// and a connection that offered one was served as the public without a word: its author looked for the fault in
/// their token. Such an upgrade is refused, saying where the token goes; the value is never echoed back.
/// </summary>
internal static class SubprotocolCredential
{
    public static bool LooksLikeOne(string protocol) =>
        protocol.StartsWith("bearer", StringComparison.OrdinalIgnoreCase)
        || protocol.Contains("authorization", StringComparison.OrdinalIgnoreCase)
        || protocol.Contains(".bearer.", StringComparison.OrdinalIgnoreCase)
        || (protocol.StartsWith("eyJ", StringComparison.Ordinal) && protocol.Contains('.', StringComparison.Ordinal));

    /// <summary>The close reason (within 123 bytes), in the form of the other subprotocol refusals.</summary>
    public const string Reason = "Subprotocol not acceptable: a token is not read from Sec-WebSocket-Protocol; send it "
        + "in connection_init's payload";
}
