using Microsoft.IdentityModel.Tokens;

namespace ProductQuality.Graph.Access.Tokens;

/// <summary>
/// Our own sentence for each way a bearer token fails validation. The library's messages span lines, carry
/// IDX codes and would break the one-line WWW-Authenticate header, so they are never shown to the caller.
/// </summary>
internal static class TokenFailure
{
    public const string NotAJwt = "The token is not a JWT: send the compact form header.payload.signature.";

    public static string Describe(Exception? failure) => failure switch
    {
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

    /// <summary>The challenge header: one line, our sentence, no quotes inside the quoted string.</summary>
    public static string Challenge(string error, string description) =>
        $"Bearer error=\"{error}\", error_description=\"{description.Replace("\"", "'", StringComparison.Ordinal)}\"";
}
