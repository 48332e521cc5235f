using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace ProductQuality.Graph.Access.Tokens;

/// <summary>
/// Readiness (tag <c>ready</c>): whether tokens can be checked. Degraded, not unhealthy, while the identity provider
/// cannot be reached: the public is still served and every server shares the same provider, so taking them out of
/// the load balancer would cure nothing; the probe says why callers with tokens get 503.
/// </summary>
internal sealed class IdentityProviderCheck(IdentityProviderKeys provider, IOptions<TokenOptions> tokens)
    : IHealthCheck
{
    public const string Name = "identity-provider";

    private static readonly TimeSpan Wait = TimeSpan.FromMilliseconds(800);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context,
        CancellationToken cancellationToken = default)
    {
        if (tokens.Value.IsDevelopmentMode)
        {
            return HealthCheckResult.Healthy("Development tokens: no identity provider (Auth:Authority) is set.");
        }

        // Within the check's own time limit (Health:CheckTimeoutSeconds, at least 1 s): a provider that does not
        // answer is this check's finding, Degraded, not the check's time-out, which would make the server unready.
        return await provider.UnavailableAsync(cancellationToken, Wait) is { } problem
            ? HealthCheckResult.Degraded($"{problem} Requests with a token are refused with 503 meanwhile; the "
                + "public is served.")
            : HealthCheckResult.Healthy("The identity provider's signing keys are at hand.");
    }
}
