using ProductQuality.Graph.Access.Tokens;

namespace ProductQuality.Graph.Tests.Access;

/// <summary>The cache of validated tokens never trusts a token past its expiry.</summary>
public sealed class ValidatedTokenCacheTests
{
    [Fact]
    public void A_remembered_token_is_found_until_its_expiry_and_not_after()
    {
        using var cache = new ValidatedTokenCache();
        var now = DateTimeOffset.UtcNow;
        cache.Remember("t1", "finance", now.AddMinutes(1));
        Assert.Equal("finance", cache.Find("t1", now));
        Assert.Null(cache.Find("t1", now.AddMinutes(2)));
        Assert.Null(cache.Find("other", now));
    }

    [Fact]
    public void A_token_without_expiry_or_already_expired_is_not_remembered()
    {
        using var cache = new ValidatedTokenCache();
        var now = DateTimeOffset.UtcNow;
        cache.Remember("t2", "finance", null);
        cache.Remember("t3", "finance", now.AddSeconds(-1));
        Assert.Null(cache.Find("t2", now));
        Assert.Null(cache.Find("t3", now));
    }

    [Fact]
    public void A_remembered_token_keeps_its_subject_for_recorded_by_stamps()
    {
        using var cache = new ValidatedTokenCache();
        var now = DateTimeOffset.UtcNow;
        cache.Remember("t4", "samr-jiaxing", now.AddMinutes(1), "officer-17");
        Assert.Equal("samr-jiaxing", cache.Find("t4", now, out var subject));
        Assert.Equal("officer-17", subject);
    }
}
