using System.Globalization;
using ProductQuality.Graph.Access;

namespace ProductQuality.Graph.Infrastructure.Http.Limits;

/// <summary>
/// Request rates per department in fixed windows (<see cref="FixedWindowCounts"/>), on the injected clock. The
/// audience is known only once the endpoint has read the token, so the endpoint asks here rather than the
/// rate-limiting middleware. Who shares one count: <see cref="FairUsePartition"/>.
/// </summary>
internal sealed class DepartmentRateLimiter(UsageLimitsPolicy policy, TimeProvider clock)
{
    private readonly FixedWindowCounts _requests = new(clock);

    /// <summary>Refusals past the rate that are written to the access log one by one: as many as the rate, a window.
    /// </summary>
    private readonly FixedWindowCounts _loggedRefusals = new(clock);

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
        if (_requests.TryTake(key, limits.RequestsPerWindow, limits.Window, out var untilNext))
        {
            return null;
        }

        // Refusals past the rate are logged one by one up to as many again as the rate in a window; beyond that
        // only counted (the request metrics). A tokenless loop wrote 39,620 entries (20 MB) in ten seconds.
        var logged = _loggedRefusals.TryTake(key, limits.RequestsPerWindow, limits.Window, out _);

        // The wait until the window that admits the request begins, in whole seconds rounded up so that a client
        // waiting that long is served: not the whole window, which told a client at +59 s of a minute to wait 60 s.
        var retryAfter = (long)Math.Max(1, Math.Ceiling(untilNext.TotalSeconds));
        return new LimitRefusal(StatusCodes.Status429TooManyRequests, "RATE_LIMITED",
            $"Too many requests: {who} may send {limits.RequestsPerWindow} per {limits.Window.TotalSeconds:0} s. " +
            $"Retry after {retryAfter} s.",
            [new("retryAfterSeconds", retryAfter), new("limit", limits.RequestsPerWindow)])
        {
            Unlogged = !logged,
        };
    }

    public static string RetryAfterHeader(LimitRefusal refusal) =>
        refusal.Facts[0].Value.ToString(CultureInfo.InvariantCulture);
}
