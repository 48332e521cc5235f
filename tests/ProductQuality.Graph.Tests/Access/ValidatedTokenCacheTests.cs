using ProductQuality.Graph.Access.Tokens;

namespace ProductQuality.Graph.Tests.Access;

/// <summary>The cache of validated tokens never trusts a token past its expiry, by the injected clock.</summary>
public sealed class ValidatedTokenCacheTests
{
    [Fact]
    public void A_remembered_token_is_found_until_its_expiry_and_not_after()
    {
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        using var cache = new ValidatedTokenCache(clock);
        cache.Remember("t1", "finance", clock.Now.AddMinutes(1));
        Assert.Equal("finance", cache.Find("t1", out _));
        Assert.Null(cache.Find("other", out _));
        clock.Now = clock.Now.AddMinutes(2);
        Assert.Null(cache.Find("t1", out _));
    }

    [Fact]
    public void A_token_is_not_trusted_past_the_horizon_even_when_it_expires_later()
    {
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        using var cache = new ValidatedTokenCache(clock);
        cache.Remember("t5", "finance", clock.Now.AddHours(8));
        clock.Now = clock.Now.AddMinutes(4);
        Assert.Equal("finance", cache.Find("t5", out _));
        clock.Now = clock.Now.AddMinutes(2);
        Assert.Null(cache.Find("t5", out _));
    }

    [Fact]
    public void A_token_without_expiry_or_already_expired_is_not_remembered()
    {
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        using var cache = new ValidatedTokenCache(clock);
        cache.Remember("t2", "finance", null);
        cache.Remember("t3", "finance", clock.Now.AddSeconds(-1));
        Assert.Null(cache.Find("t2", out _));
        Assert.Null(cache.Find("t3", out _));
    }

    [Fact]
    public void A_remembered_token_keeps_its_subject_for_recorded_by_stamps()
    {
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        using var cache = new ValidatedTokenCache(clock);
        cache.Remember("t4", "samr-jiaxing", clock.Now.AddMinutes(1), "officer-17");
        Assert.Equal("samr-jiaxing", cache.Find("t4", out var subject));
        Assert.Equal("officer-17", subject);
    }

    /// <summary>A clock the test moves by hand.</summary>
    private sealed class ManualClock(DateTimeOffset start) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = start;

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
