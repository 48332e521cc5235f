namespace ProductQuality.Graph.Access;

/// <summary>
/// Why a request's identity is refused: status (401/403), a stable code, a message, and the WWW-Authenticate value.
/// </summary>
public sealed record AuthRefusal(int Status, string Code, string Message, string? WwwAuthenticate);
