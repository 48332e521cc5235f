using System.Text.Json;
using Microsoft.IdentityModel.Tokens;

namespace ProductQuality.Graph.Access.Tokens;

/// <summary>
/// The decoded header and payload of a token in compact JWT form (three base64url parts, the first two JSON objects),
/// whatever its claims hold: read by our own checks before or beside the library's.
/// </summary>
internal sealed class JwtSections : IDisposable
{
    private readonly JsonDocument _header;
    private readonly JsonDocument _payload;

    private JwtSections(JsonDocument header, JsonDocument payload) => (_header, _payload) = (header, payload);

    public JsonElement Header => _header.RootElement;

    public JsonElement Payload => _payload.RootElement;

    /// <summary>The token's sections, or null when it is not a JWT in form.</summary>
    public static JwtSections? Decode(string token)
    {
        var parts = token.Split('.');
        if (parts.Length != 3)
        {
            return null;
        }

        JsonDocument? header = null;
        try
        {
            header = JsonDocument.Parse(Base64UrlEncoder.DecodeBytes(parts[0]));
            var payload = JsonDocument.Parse(Base64UrlEncoder.DecodeBytes(parts[1]));
            if (header.RootElement.ValueKind == JsonValueKind.Object
                && payload.RootElement.ValueKind == JsonValueKind.Object)
            {
                return new JwtSections(header, payload);
            }

            header.Dispose();
            payload.Dispose();
            return null;
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException or JsonException)
        {
            header?.Dispose();
            return null;
        }
    }

    public void Dispose()
    {
        _header.Dispose();
        _payload.Dispose();
    }
}
