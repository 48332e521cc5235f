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

    /// <summary>The token's credit code, or the sentence saying why it is refused.</summary>
    public async Task<(string? CreditCode, string? Failure)> ValidateAsync(string token)
    {
        if (key.Key is not { } signing)
        {
            return (null, "Enterprise tokens are not accepted here: the server has no enterprise token key.");
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
            return (null, TokenFailure.Describe(result.Exception));
        }

        var code = result.SecurityToken is JsonWebToken jwt
            && jwt.TryGetPayloadValue<object>(EnterpriseTokenIssuer.CreditCodeClaim, out var value)
            && value is string text ? text : null;
        return code is not null && CreditCode.Validate(code).IsValid
            ? (code, null)
            : (null, "The token's 'ent' claim must be exactly one valid credit code.");
    }
}
