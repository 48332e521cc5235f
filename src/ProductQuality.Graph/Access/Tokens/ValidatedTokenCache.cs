using Microsoft.Extensions.Caching.Memory;

namespace ProductQuality.Graph.Access.Tokens;

/// <summary>
/// Tokens that passed full validation, remembered by their exact text until the earlier of their own expiry and a
/// short horizon, so a partner system reusing one token does not pay signature and claim validation per request.
/// Only successes are kept; a token is never trusted beyond its <c>exp</c>.
/// </summary>
internal sealed class ValidatedTokenCache : IDisposable
{
    private static readonly TimeSpan Horizon = TimeSpan.FromMinutes(5);
    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = 10_000 });

    public string? Find(string token, DateTimeOffset now) => Find(token, now, out _);

    /// <summary>The department and subject of a remembered token, or null.</summary>
    public string? Find(string token, DateTimeOffset now, out string? subject)
    {
        var hit = _cache.TryGetValue(token, out Entry? entry) && entry!.ExpiresAt > now;
        subject = hit ? entry!.Subject : null;
        return hit ? entry!.Department : null;
    }

    public void Remember(string token, string department, DateTimeOffset? expiresAt, string? subject = null)
    {
        if (expiresAt is not { } expiry)
        {
            return;
        }

        _cache.Set(token, new Entry(department, expiry, subject), new MemoryCacheEntryOptions
        {
            Size = 1,
            AbsoluteExpiration = expiry < DateTimeOffset.UtcNow + Horizon ? expiry : DateTimeOffset.UtcNow + Horizon,
        });
    }

    public void Dispose() => _cache.Dispose();

    private sealed record Entry(string Department, DateTimeOffset ExpiresAt, string? Subject);
}
