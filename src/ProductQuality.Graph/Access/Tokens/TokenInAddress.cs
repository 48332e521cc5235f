namespace ProductQuality.Graph.Access.Tokens;

/// <summary>
/// A token put in the address (<c>/graphql?access_token=…</c>, as some clients and tutorials do) is not read: it was
/// ignored without a word, so the caller was served as the public and told that its fields did not exist (the protocol
/// probe). It is refused instead, saying where a token goes; addresses are also written to proxies' and servers'
/// logs, where a token must not be.
/// </summary>
internal static class TokenInAddress
{
    private static readonly string[] Names = ["access_token", "token", "jwt", "bearer", "authorization", "auth"];

    /// <summary>The query parameter that holds a token, as the caller spelled it; null when none does.</summary>
    public static string? Parameter(HttpRequest request) =>
        request.Query.Keys.FirstOrDefault(k => Names.Contains(k, StringComparer.OrdinalIgnoreCase));

    public static string Refusal(string parameter) =>
        $"A token in the address ('{Infrastructure.Quoted.Start(parameter, 40)}=…') is not read: send it in the "
        + "Authorization header ('Authorization: Bearer <token>'), or over WebSocket in connection_init's payload "
        + "({\"Authorization\": \"Bearer <token>\"}). Addresses are written to logs along the way: issue yourself a "
        + "new token if this one was sent to a server you do not run.";

    /// <summary>
    /// The same over WebSocket, where a browser cannot set the header and a close reason holds 123 bytes: the way
    /// to send the token first ("send it in the Authorization header" was cut off where the advice began).
    /// </summary>
    public static string WebSocketRefusal(string parameter) =>
        $"token in the address ('{Infrastructure.Quoted.Start(parameter, 16)}') is not read: send it in "
        + "connection_init's payload";
}
