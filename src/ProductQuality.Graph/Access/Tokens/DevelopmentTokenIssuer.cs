using System.Security.Claims;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ProductQuality.Graph.Access.Tokens;

/// <summary>
/// Mints development tokens for any department of the policy (the <c>token</c> verb, tests, the benchmark).
/// </summary>
public sealed class DevelopmentTokenIssuer(
    IOptions<TokenOptions> options, DevelopmentSigningKey key, TimeProvider clock)
{
    public const string DepartmentClaim = "dept";

    public string Issue(string department, string subject, TimeSpan lifetime)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = options.Value.Issuer,
            Audience = options.Value.Audience,
            Subject = new ClaimsIdentity([new Claim("sub", subject), new Claim(DepartmentClaim, department)]),
            IssuedAt = now,
            NotBefore = now,
            Expires = now + lifetime,
            SigningCredentials = new SigningCredentials(key.Key, SecurityAlgorithms.HmacSha256),
        });
    }
}
