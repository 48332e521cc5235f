using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.JsonWebTokens;

namespace ProductQuality.Graph.Access.Tokens;

/// <summary>
/// No Authorization header: the public (an empty one is refused). A bearer token: validated by JwtBearer; a bad
/// one is refused with 401 and its reason — never a silent downgrade to anonymous. A valid token's <c>dept</c> must
/// name a department of the policy. A token of the enterprise issuer is checked with the server's own key instead
/// (the data tracker).
/// </summary>
internal sealed class JwtAudienceResolver(
    AccessPolicy policy, ValidatedTokenCache cache, EnterpriseTokens.EnterpriseTokenValidator enterprises,
    IdentityProviderKeys provider)
    : IAudienceResolver
{
    public async Task<(Audience? Audience, AuthRefusal? Refusal)> ResolveAsync(HttpContext http)
    {
        if (TokenInAddress.Parameter(http.Request) is { } parameter)
        {
            return (null, Unauthorized("invalid_request", TokenInAddress.Refusal(parameter)));
        }

        var values = http.Request.Headers.Authorization;
        if (values.Count == 0)
        {
            return (policy.Public, null);
        }

        // Two headers, or one with nothing in it, are a client's mistake (a token joined twice, a token variable
        // still empty): answered as such, never read as "not a JWT" or quietly as the public.
        if (values.Count > 1)
        {
            return (null, Unauthorized("invalid_request",
                $"Send one Authorization header, not {values.Count}: 'Authorization: Bearer <token>'."));
        }

        var header = values[0] ?? "";
        if (header.Trim().Length == 0)
        {
            return (null, Unauthorized("invalid_request", "The Authorization header is empty: send "
                + "'Authorization: Bearer <token>', or no Authorization header to read as the public."));
        }

        if (BearerToken.Of(header) is not { Length: > 0 } token)
        {
            // "Bearer" and nothing after it: the scheme is right, the token missing (a variable still empty).
            var noToken = header.Trim().Equals("Bearer", StringComparison.OrdinalIgnoreCase);
            return (null, Unauthorized("invalid_request", noToken
                ? "The Authorization header says Bearer but carries no token: send 'Authorization: Bearer <token>', "
                    + "or no Authorization header to read as the public."
                : header.Length > 6 && header.StartsWith("Bearer", StringComparison.OrdinalIgnoreCase)
                    && char.IsWhiteSpace(header[6])
                ? "Separate Bearer and the token with a space (not a tab or another blank): send "
                    + "'Authorization: Bearer <token>'."
                : "Only bearer tokens are accepted: send 'Authorization: Bearer <token>'."));
        }

        if (cache.Find(token, out var cachedSubject) is { } cachedDepartment
            && policy.ForDepartment(cachedDepartment) is { } cachedAudience)
        {
            return (cachedAudience with { Subject = cachedSubject }, null);
        }

        // Here, not per request: a cached token passed. Before the library, which reads a numeric string as a number
        // and refuses a numeric sub with a sentence about other claims; a wrong type is no provider's outage either.
        if (TokenClaimTypes.Refusal(token) is { } wrongType)
        {
            return (null, Unauthorized("invalid_token", wrongType));
        }

        if (enterprises.Claims(token))
        {
            return await EnterpriseAsync(http, token);
        }

        // Without the provider's keys a signed token cannot be judged: the caller is told to try again, not that its
        // token is bad, and no longer than the provider's bound after asking.
        if (await provider.UnavailableForAsync(token, http.RequestAborted) is { } unavailable)
        {
            return (null, new AuthRefusal(StatusCodes.Status503ServiceUnavailable, "IDENTITY_PROVIDER_UNAVAILABLE",
                $"{unavailable} Try again in {IdentityProviderKeys.RetryAfterSeconds} s; if this lasts, tell the "
                + "bureau.", null) { RetryAfterSeconds = IdentityProviderKeys.RetryAfterSeconds });
        }

        var result = await http.AuthenticateAsync(JwtBearerDefaults.AuthenticationScheme);
        if (!result.Succeeded)
        {
            // No failure but no success: JwtBearer found no token in the header (e.g. "Bearer" alone).
            var reason = result.Failure is null ? TokenFailure.NotAJwt : TokenFailure.Describe(result.Failure, token);
            return (null, Unauthorized("invalid_token", reason));
        }

        if (TokenFailure.HasCriticalHeader(token))
        {
            return (null, Unauthorized("invalid_token", TokenFailure.CriticalHeader));
        }

        var department = DepartmentClaim.Read(token);
        if (string.IsNullOrEmpty(department))
        {
            return (null, Unauthorized("invalid_token", DepartmentClaim.Refusal(token)));
        }

        var subject = result.Principal.FindFirst("sub")?.Value
            ?? result.Principal.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value;
        if (policy.ForDepartment(department) is { } audience)
        {
            cache.Remember(token, department, result.Properties?.ExpiresUtc ?? ExpiryOf(result.Principal), subject);
            return (audience with { Subject = subject }, null);
        }

        return (null, new AuthRefusal(StatusCodes.Status403Forbidden, "UNKNOWN_DEPARTMENT",
            $"Department '{Infrastructure.Quoted.Start(department)}' has no access policy; ask the regulator to "
                + "grant one.", null)
        {
            Claimed = (department, subject),
        });
    }

    /// <summary>
    /// A token of the enterprise issuer: checked with the server's own key and against the regulator's revocations,
    /// refused in the same shape as a bad department token. Not cached: few enterprises ask, each check is one HMAC
    /// and one look-up by key, and a revocation holds from the next request on every server.
    /// </summary>
    private async Task<(Audience? Audience, AuthRefusal? Refusal)> EnterpriseAsync(HttpContext http, string token)
    {
        var (code, issuedAt, failure) = await enterprises.ValidateAsync(token);
        if (code is null)
        {
            return (null, Unauthorized("invalid_token", failure!));
        }

        if (await EnterpriseTokens.EnterpriseTokenRevocations.IsRevokedAsync(
            http.RequestServices.GetRequiredService<Data.ProductQualityDbContext>(), code, issuedAt,
            http.RequestAborted))
        {
            return (null, Unauthorized("invalid_token", "This token was revoked: the bureau revoked the tokens issued "
                + "to this enterprise until a given moment. Ask the bureau for a new one."));
        }

        return policy.ForEnterprise(code) is { } audience
            ? (audience, null)
            : (null, new AuthRefusal(StatusCodes.Status403Forbidden, "UNKNOWN_DEPARTMENT",
                $"This server's policy has no '{AccessPolicy.EnterpriseContract}' contract: enterprise tokens " +
                "read nothing here.", null));
    }

    private static DateTimeOffset? ExpiryOf(System.Security.Claims.ClaimsPrincipal principal) =>
        long.TryParse(principal.FindFirst("exp")?.Value, out var exp) ? DateTimeOffset.FromUnixTimeSeconds(exp) : null;

    private static AuthRefusal Unauthorized(string error, string message) =>
        new(StatusCodes.Status401Unauthorized, error == "invalid_token" ? "INVALID_TOKEN" : "INVALID_AUTHORIZATION",
            message, TokenFailure.Challenge(error, message));
}
