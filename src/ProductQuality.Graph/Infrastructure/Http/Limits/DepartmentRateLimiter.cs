using System.Globalization;
using System.Threading.RateLimiting;
using ProductQuality.Graph.Access;

namespace ProductQuality.Graph.Infrastructure.Http.Limits;

/// <summary>
/// Request rates per department with the framework's partitioned fixed-window limiter. The audience is known only
/// once the endpoint has read the token, so the endpoint asks here rather than the rate-limiting middleware. Who
/// shares one count: <see cref="FairUsePartition"/>.
/// </summary>
internal sealed class DepartmentRateLimiter(UsageLimitsPolicy policy) : IDisposable
{
    private readonly PartitionedRateLimiter<Caller> _limiter = PerWindow();

    /// <summary>Refusals past the rate that are written to the access log one by one: as many as the rate, a window.
    /// </summary>
    private readonly PartitionedRateLimiter<Caller> _loggedRefusals = PerWindow();

    private static PartitionedRateLimiter<Caller> PerWindow() => PartitionedRateLimiter.Create<Caller, string>(
        caller => RateLimitPartition.GetFixedWindowLimiter(caller.Key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = caller.Limits.RequestsPerWindow,
            Window = caller.Limits.Window,
            QueueLimit = 0,
            AutoReplenishment = true,
        }));

    /// <summary>Null when the request may go on, else the 429 refusal (its Retry-After in seconds beside it).</summary>
    public LimitRefusal? TryAcquire(HttpContext http, Audience audience)
    {
        var (key, who) = FairUsePartition.Of(http, audience);
        return TryAcquire(key, policy.For(audience), who);
    }

    /// <summary>
    /// The same for a request refused before its caller is known (a bad token, a WebSocket upgrade for another
    /// protocol): it counts as the public's from its address. Otherwise such requests, each one logged, would have
    /// no limit.
    /// </summary>
    public LimitRefusal? TryAcquireUnidentified(HttpContext http) =>
        TryAcquire(FairUsePartition.AddressKey(http), policy.Public, "this address (requests without a token, "
            + "requests whose token was refused, and WebSocket upgrades refused before a token could be sent)");

    private LimitRefusal? TryAcquire(string key, EffectiveLimits limits, string who)
    {
        var caller = new Caller(key, limits);
        using var lease = _limiter.AttemptAcquire(caller);
        if (lease.IsAcquired)
        {
            return null;
        }

        // Refusals past the rate are logged one by one up to as many again as the rate in a window; beyond that
        // only counted (the request metrics). A tokenless loop wrote 39,620 entries (20 MB) in ten seconds.
        using var logged = _loggedRefusals.AttemptAcquire(caller);

        var retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var wait)
            ? (long)Math.Max(1, Math.Ceiling(wait.TotalSeconds))
            : (long)Math.Ceiling(limits.Window.TotalSeconds);
        return new LimitRefusal(StatusCodes.Status429TooManyRequests, "RATE_LIMITED",
            $"Too many requests: {who} may send {limits.RequestsPerWindow} per {limits.Window.TotalSeconds:0} s. " +
            $"Retry after {retryAfter} s.",
            [new("retryAfterSeconds", retryAfter), new("limit", limits.RequestsPerWindow)])
        {
            Unlogged = !logged.IsAcquired,
        };
    }

    public static string RetryAfterHeader(LimitRefusal refusal) =>
        refusal.Facts[0].Value.ToString(CultureInfo.InvariantCulture);

    public void Dispose()
    {
        _limiter.Dispose();
        _loggedRefusals.Dispose();
    }

    internal sealed record Caller(string Key, EffectiveLimits Limits);
}
