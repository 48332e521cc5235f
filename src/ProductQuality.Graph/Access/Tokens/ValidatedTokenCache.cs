using Microsoft.Extensions.Caching.Memory;

namespace ProductQuality.Graph.Access.Tokens;

/// <summary>
/// Tokens that passed full validation, remembered by their exact text until the earlier of their own expiry and a
/// short horizon, so a partner system reusing one token does not pay signature and claim validation per request.
/// Only successes are kept; a token is never trusted beyond its <c>exp</c>. Every "now" comes from the injected
/// clock; the memory cache's own expiry only evicts entries the clock has already made useless.
/// </summary>
internal sealed class ValidatedTokenCache(TimeProvider clock) : IDisposable
{
    private static readonly TimeSpan Horizon = TimeSpan.FromMinutes(5);
    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = 10_000 });

    /// <summary>The department and subject of a remembered token, or null.</summary>
    public string? Find(string token, out string? subject)
    {
        var hit = _cache.TryGetValue(token, out Entry? entry) && entry!.TrustedUntil > clock.GetUtcNow();
        subject = hit ? entry!.Subject : null;
        return hit ? entry!.Department : null;
    }

    public void Remember(string token, string department, DateTimeOffset? expiresAt, string? subject = null)
    {
        var now = clock.GetUtcNow();
        if (expiresAt is not { } expiry || expiry <= now)
        {
            return;
        }

        var until = expiry < now + Horizon ? expiry : now + Horizon;
        _cache.Set(token, new Entry(department, until, subject), new MemoryCacheEntryOptions
        {
            Size = 1,
            AbsoluteExpirationRelativeToNow = until - now,
        });
    }

    public void Dispose() => _cache.Dispose();

    private sealed record Entry(string Department, DateTimeOffset TrustedUntil, string? Subject);
}
