using System.Text.Json;

namespace ProductQuality.Graph.Access.Tokens;

/// <summary>
/// The JSON types of a token's header fields, registered claims and <c>dept</c>, read from the decoded text before
/// the library reads them. The library took <c>"exp": "1893456000"</c> for a number (RFC 7519 §2: a NumericDate is
/// a JSON number), and answered a numeric <c>sub</c> or a lone surrogate in <c>dept</c> with a sentence about exp,
/// nbf, iat and aud, so the partner looked at the wrong claims (the fuzzing probe). Each wrong one is named.
/// </summary>
internal static class TokenClaimTypes
{
    private static readonly string[] Texts = ["iss", "sub", "jti"];
    private static readonly string[] NumericDates = ["exp", "nbf", "iat"];
    private static readonly string[] HeaderTexts = ["alg", "typ", "kid", "cty"];

    /// <summary>
    /// The sentence naming each field or claim of the wrong type, or null when all are right, or when the token is no
    /// JWT in form (the library says so then). A <c>dept</c> that is merely not one string is left to
    /// <see cref="DepartmentClaim.Refusal"/> when nothing else is wrong: it is read after the signature.
    /// </summary>
    public static string? Refusal(string token)
    {
        using var sections = JwtSections.Decode(token);
        if (sections is null)
        {
            return null;
        }

        var wrong = Wrong(sections.Header, sections.Payload).ToList();
        var departmentOnly = wrong is [{ Name: DevelopmentTokenIssuer.DepartmentClaim, Text: false }];
        return wrong.Count == 0 || departmentOnly ? null
            : "The token's " + string.Join("; its ", wrong.Select(w => w.Clause)) + ": issue it again.";
    }

    /// <summary>Each wrong member: its name, whether it is a string holding invalid text, and the clause.</summary>
    private static IEnumerable<(string Name, bool Text, string Clause)> Wrong(JsonElement header, JsonElement payload)
    {
        foreach (var (name, value) in Members(header, HeaderTexts))
        {
            if (NotText(value) is { } kind)
            {
                yield return (name, false, $"header field {name} must be a string (it is {kind})");
            }
            else if (!IsValidText(value))
            {
                yield return (name, true, $"header field {name} is not valid text (a lone UTF-16 surrogate)");
            }
        }

        foreach (var (name, value) in Members(payload, [.. Texts, DevelopmentTokenIssuer.DepartmentClaim]))
        {
            if (NotText(value) is { } kind)
            {
                yield return (name, false, name == DevelopmentTokenIssuer.DepartmentClaim
                    ? $"dept claim must be exactly one string naming your department (it is {kind})"
                    : $"{name} claim must be a string (it is {kind})");
            }
            else if (!IsValidText(value))
            {
                yield return (name, true, $"{name} claim is not valid text (a lone UTF-16 surrogate)");
            }
        }

        foreach (var (name, value) in Members(payload, ["aud"]))
        {
            var items = value.ValueKind == JsonValueKind.Array ? value.EnumerateArray().ToList() : [value];
            var bad = items.FirstOrDefault(i => NotText(i) is not null || !IsValidText(i));
            if (bad.ValueKind != JsonValueKind.Undefined)
            {
                var kind = value.ValueKind == JsonValueKind.Array ? $"a list holding {Kind(bad)}" : Kind(bad);
                yield return (name, false, $"aud claim must be a string or a list of strings (it is {kind})");
            }
        }

        foreach (var (name, value) in Members(payload, NumericDates))
        {
            if (value.ValueKind != JsonValueKind.Number)
            {
                yield return (name, false, $"{name} claim must be a number of seconds since 1970 (a JSON number, "
                    + $"not {Kind(value)})");
            }
        }
    }

    // Every occurrence: a repeated member is checked each time it appears.
    private static IEnumerable<(string Name, JsonElement Value)> Members(JsonElement json, string[] names) =>
        json.EnumerateObject().Where(p => names.Contains(p.Name, StringComparer.Ordinal))
            .Select(p => (p.Name, p.Value));

    private static string? NotText(JsonElement value) =>
        value.ValueKind == JsonValueKind.String ? null : Kind(value);

    private static string Kind(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => IsValidText(value) ? "a string" : "a string that is not valid text",
        JsonValueKind.Number => "a number",
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "a list",
        JsonValueKind.True or JsonValueKind.False => "true or false",
        _ => "null",
    };

    // A string escaping half a surrogate pair ("\ud800") is JSON but no text: reading it throws.
    private static bool IsValidText(JsonElement value)
    {
        try
        {
            _ = value.GetString();
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }
}
