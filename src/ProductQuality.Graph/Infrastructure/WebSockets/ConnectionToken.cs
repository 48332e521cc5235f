using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;

namespace ProductQuality.Graph.Infrastructure.WebSockets;

/// <summary>
/// The bearer token of a WebSocket connection. Browsers cannot set headers on a WebSocket, so graphql-ws clients
/// send it in <c>connection_init</c>'s payload (their <c>connectionParams</c>): as <c>Authorization</c> ("Bearer
/// …", as the HTTP header), or as <c>token</c> / <c>authToken</c>. Other clients may send the header on the upgrade.
/// </summary>
internal static class ConnectionToken
{
    private static readonly string[] Names = ["Authorization", "authorization", "token", "authToken"];

    public static string? From(JsonElement? payload, HttpRequest upgrade)
    {
        if (payload is { ValueKind: JsonValueKind.Object } body)
        {
            foreach (var name in Names)
            {
                if (body.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
                    && value.GetString() is { Length: > 0 } text)
                {
                    return text.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                        ? text[7..].Trim()
                        : text.Trim();
                }
            }
        }

        var header = upgrade.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header[7..].Trim() : null;
    }

    /// <summary>When a token the resolver already validated stops being valid (its <c>exp</c>).</summary>
    public static DateTimeOffset? ExpiresAt(string token)
    {
        try
        {
            var validTo = new JsonWebToken(token).ValidTo;
            return validTo == DateTime.MinValue ? null : new DateTimeOffset(validTo, TimeSpan.Zero);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }
}
