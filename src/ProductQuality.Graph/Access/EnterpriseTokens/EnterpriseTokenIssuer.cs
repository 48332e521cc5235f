using System.Security.Claims;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ProductQuality.Graph.Access.EnterpriseTokens;

/// <summary>
/// Issues an enterprise token: bound to one credit code (claim <c>ent</c>, also the subject), signed with the
/// server's own key, valid for a limited time (at most <c>Access:EnterpriseTokens:MaxLifetimeDays</c>).
/// </summary>
public sealed class EnterpriseTokenIssuer(
    IOptions<AccessOptions> options, EnterpriseTokenKey key, TimeProvider clock)
{
    public const string CreditCodeClaim = "ent";

    /// <summary>Whether this server can issue (and accept) enterprise tokens: it has a key.</summary>
    public bool Available => key.Key is not null;

    public TimeSpan DefaultLifetime => TimeSpan.FromDays(options.Value.EnterpriseTokens.DefaultLifetimeDays);

    public TimeSpan MaxLifetime => TimeSpan.FromDays(options.Value.EnterpriseTokens.MaxLifetimeDays);

    /// <summary>A token for the (valid) credit code; the lifetime is capped at the configured maximum.</summary>
    public string Issue(string creditCode, TimeSpan lifetime)
    {
        var signing = key.Key ?? throw new InvalidOperationException(
            "No enterprise token key: set Access:EnterpriseTokens:SigningKey.");
        var settings = options.Value.EnterpriseTokens;
        var now = clock.GetUtcNow().UtcDateTime;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = settings.Issuer,
            Audience = settings.Audience,
            Subject = new ClaimsIdentity([
                new Claim("sub", creditCode), new Claim(CreditCodeClaim, creditCode),
                new Claim("jti", Guid.NewGuid().ToString("N")),
            ]),
            IssuedAt = now,
            NotBefore = now,
            Expires = now + (lifetime < MaxLifetime ? lifetime : MaxLifetime),
            SigningCredentials = new SigningCredentials(signing, SecurityAlgorithms.HmacSha256),
        });
    }
}
