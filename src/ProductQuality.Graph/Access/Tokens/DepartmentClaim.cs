using System.Text.Json;
using Microsoft.IdentityModel.Tokens;

namespace ProductQuality.Graph.Access.Tokens;

/// <summary>
/// Reads the <c>dept</c> claim from a validated token's payload. The claims principal flattens an array into
/// several claims (and the first would win), so the raw payload is read: exactly one JSON string, else null.
/// </summary>
internal static class DepartmentClaim
{
    public static string? Read(string token)
    {
        var parts = token.Split('.');
        if (parts.Length != 3)
        {
            return null;
        }

        try
        {
            using var payload = JsonDocument.Parse(Base64UrlEncoder.DecodeBytes(parts[1]));
            if (payload.RootElement.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            // A repeated "dept" member is as ambiguous as an array: refused too.
            var depts = payload.RootElement.EnumerateObject()
                .Where(p => p.NameEquals(DevelopmentTokenIssuer.DepartmentClaim)).Select(p => p.Value).ToList();
            return depts is [{ ValueKind: JsonValueKind.String } dept] ? dept.GetString() : null;
        }
        catch (Exception ex) when (ex is JsonException or FormatException or InvalidOperationException)
        {
            return null;
        }
    }
}
