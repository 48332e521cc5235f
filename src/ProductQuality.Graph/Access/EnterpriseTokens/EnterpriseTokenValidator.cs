using System.Text.Json;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using ProductQuality.Graph.Access.Tokens;
using ProductQuality.Graph.Enterprises;

namespace ProductQuality.Graph.Access.EnterpriseTokens;

/// <summary>
/// Recognises and checks enterprise tokens. A token is routed here when its (not yet trusted) <c>iss</c> is the
/// enterprise issuer; then signature, issuer, audience and lifetime are checked like a department token's, and its
/// <c>ent</c> claim must be exactly one valid credit code.
/// </summary>
public sealed class EnterpriseTokenValidator(
    IOptions<AccessOptions> access, IOptions<TokenOptions> tokens, EnterpriseTokenKey key)
{
    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false };

    /// <summary>Whether the token claims to come from the enterprise issuer (checked for real by Validate).</summary>
    public bool Claims(string token)
    {
        try
        {
            return _handler.CanReadToken(token)
                && _handler.ReadJsonWebToken(token).Issuer == access.Value.EnterpriseTokens.Issuer;
        }
        catch (Exception ex) when (ex is ArgumentException or SecurityTokenException or JsonException)
        {
            return false;
        }
    }

    /// <summary>
    /// The token's credit code and issue time, or the sentence saying why it is refused (revocation is checked by the
    /// caller, against the database: <see cref="EnterpriseTokenRevocations"/>).
    /// </summary>
    public async Task<(string? CreditCode, DateTime IssuedAtUtc, string? Failure)> ValidateAsync(string token)
    {
        if (key.Key is not { } signing)
        {
            return (null, default, "Enterprise tokens are not accepted here: the server has no enterprise token key.");
        }

        var settings = access.Value.EnterpriseTokens;
        var result = await _handler.ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = settings.Issuer,
            ValidAudience = settings.Audience,
            IssuerSigningKey = signing,
            ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
            RequireExpirationTime = true,
            RequireSignedTokens = true,
            ValidateIssuerSigningKey = true,
            ClockSkew = TimeSpan.FromSeconds(tokens.Value.ClockSkewSeconds),
        });
        if (!result.IsValid)
        {
            return (null, default, TokenFailure.Describe(result.Exception));
        }

        // As for a department's token: the signature does not make an unknown critical extension understood.
        if (TokenFailure.HasCriticalHeader(token))
        {
            return (null, default, TokenFailure.CriticalHeader);
        }

        var jwt = result.SecurityToken as JsonWebToken;
        var code = jwt is not null
            && jwt.TryGetPayloadValue<object>(EnterpriseTokenIssuer.CreditCodeClaim, out var value)
            && value is string text ? text : null;
        // Without "iat" a token has no issue time a revocation could be compared with: every token we issue has one.
        return code is null || !CreditCode.Validate(code).IsValid
            ? (null, default, "The token's 'ent' claim must be exactly one valid credit code.")
            : jwt!.TryGetPayloadValue<long>("iat", out _) && jwt.IssuedAt != DateTime.MinValue
                ? (code, jwt.IssuedAt, null)
                : (null, default, "The token has no issue time ('iat'): ask the bureau for a new one.");
    }
}
