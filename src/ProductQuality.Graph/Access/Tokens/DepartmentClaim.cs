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
            // A blank one names no department: told so (Refusal), not that department ' ' has no policy.
            return depts is [{ ValueKind: JsonValueKind.String } dept] && dept.GetString() is { } name
                && !name.EnumerateRunes().All(Blank) ? name : null;
        }
        catch (Exception ex) when (ex is JsonException or FormatException or InvalidOperationException)
        {
            return null;
        }
    }

    private static bool Blank(System.Text.Rune rune) =>
        System.Text.Rune.IsWhiteSpace(rune) || Infrastructure.PrintableText.PrintsAsBlank(rune);

    /// <summary>
    /// Why <see cref="Read"/> found no department, in a sentence: a token without the claim was told it had sent a
    /// list (the newcomer probe).
    /// </summary>
    public static string Refusal(string token)
    {
        // No double quotes: the sentence is repeated in the WWW-Authenticate challenge's quoted error_description.
        const string Expected = "exactly one string naming your department (e.g. finance)";
        var parts = token.Split('.');
        try
        {
            using var payload = JsonDocument.Parse(Base64UrlEncoder.DecodeBytes(parts.Length == 3 ? parts[1] : ""));
            var depts = payload.RootElement.ValueKind == JsonValueKind.Object
                ? payload.RootElement.EnumerateObject()
                    .Where(p => p.NameEquals(DevelopmentTokenIssuer.DepartmentClaim)).Select(p => p.Value.ValueKind)
                    .ToList()
                : [];
            var found = depts switch
            {
                [] => "has no 'dept' claim",
                [JsonValueKind.Array] => "has a list as its 'dept' claim",
                [JsonValueKind.String] => "has an empty or blank 'dept' claim",
                [_] => "has a 'dept' claim that is not a string",
                _ => "has the 'dept' claim more than once",
            };
            return $"The token {found}; the identity provider must issue it with {Expected}.";
        }
        catch (Exception ex) when (ex is JsonException or FormatException or InvalidOperationException)
        {
            return $"The token's payload could not be read for its 'dept' claim, which must be {Expected}.";
        }
    }
}
