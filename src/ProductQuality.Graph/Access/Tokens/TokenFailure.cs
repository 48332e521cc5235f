using Microsoft.IdentityModel.Tokens;

namespace ProductQuality.Graph.Access.Tokens;

/// <summary>
/// Our own sentence for each way a bearer token fails validation. The library's messages span lines, carry
/// IDX codes and would break the one-line WWW-Authenticate header, so they are never shown to the caller.
/// </summary>
internal static class TokenFailure
{
    public const string NotAJwt = "The token is not a JWT: send the compact form header.payload.signature.";

    /// <summary>
    /// RFC 7515 §4.1.11: a token whose "crit" header names extensions the reader does not understand must be refused.
    /// This server understands none, and the library does not check.
    /// </summary>
    public const string CriticalHeader = "The token's header lists critical extensions ('crit'), which this server "
        + "does not support: issue the token without them.";

    /// <summary>Whether the token's header has "crit" (<see cref="CriticalHeader"/>).</summary>
    public static bool HasCriticalHeader(string token) =>
        new Microsoft.IdentityModel.JsonWebTokens.JsonWebToken(token).TryGetHeaderValue<object>("crit", out _);

    /// <summary>
    /// A JWT in form whose header or claims the library could not read, for a reason no one claim is blamed for: a
    /// claim of the wrong JSON type is named by <see cref="TokenClaimTypes"/> first. It named exp, nbf, iat and aud
    /// whatever was wrong, and sent the partner looking at the wrong claims (the fuzzing probe).
    /// </summary>
    public const string ClaimsMalformed = "The token's header or claims are malformed (the JWT library could not read "
        + "them): issue it again.";

    /// <param name="failure">What the library threw.</param>
    /// <param name="token">The token, when at hand: a malformed one in JWT form is told apart from one that is not.
    /// </param>
    public static string Describe(Exception? failure, string? token = null) => failure switch
    {
        SecurityTokenMalformedException or ArgumentException when token is not null && IsJwtForm(token) =>
            ClaimsMalformed,
        SecurityTokenExpiredException => "The token has expired: get a new one.",
        SecurityTokenNotYetValidException => "The token is not valid yet (its nbf is in the future): check the clocks.",
        SecurityTokenNoExpirationException => "The token has no expiry (exp): tokens must expire.",
        SecurityTokenInvalidLifetimeException => "The token's validity period is wrong: exp must follow nbf.",
        SecurityTokenInvalidIssuerException => "The token was issued by an issuer this server does not trust.",
        SecurityTokenInvalidAudienceException => "The token is for another audience, not this server.",
        SecurityTokenInvalidAlgorithmException => "The token uses a signing algorithm this server does not accept.",
        SecurityTokenSignatureKeyNotFoundException or SecurityTokenInvalidSignatureException
            or SecurityTokenInvalidSigningKeyException
            => "The token's signature does not verify (wrong key, altered or unsigned token).",
        SecurityTokenDecryptionFailedException => "Encrypted tokens are not accepted: send a signed JWT.",
        SecurityTokenMalformedException or ArgumentException => NotAJwt,
        _ => "The token could not be validated: get a new one from the identity provider.",
    };

    // A JWT in form, whatever its claims hold.
    private static bool IsJwtForm(string token)
    {
        using var sections = JwtSections.Decode(token);
        return sections is not null;
    }

    /// <summary>The challenge header: one line, our sentence, no quotes inside the quoted string.</summary>
    public static string Challenge(string error, string description) =>
        $"Bearer error=\"{error}\", error_description=\"{HeaderSafe(description)}\"";

    /// <summary>
    /// The description as a header may carry it: printable ASCII only (RFC 6750 allows no more, and Kestrel refuses
    /// any other character in a response header, which turned a 401 whose message held '…' into a 500: the
    /// re-probe). Quotes become apostrophes, an ellipsis three dots, anything else outside ASCII a '?'; the body's
    /// message keeps the text whole.
    /// </summary>
    internal static string HeaderSafe(string description)
    {
        var safe = new System.Text.StringBuilder(description.Length);
        foreach (var c in description.Replace("…", "...", StringComparison.Ordinal))
        {
            safe.Append(c switch
            {
                '"' => '\'',
                >= ' ' and <= '~' => c,
                _ => '?',
            });
        }

        return safe.ToString();
    }
}
