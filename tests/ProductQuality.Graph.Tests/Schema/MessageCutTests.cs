using ProductQuality.Graph.Schema;

namespace ProductQuality.Graph.Tests.Schema;

/// <summary>
/// A message over the limit keeps its start and its end with a note between, within the limit, and never splits a
/// character in two (a lone UTF-16 surrogate is not text a client can decode).
/// </summary>
public sealed class MessageCutTests
{
    [Theory]
    [InlineData("x", 2_001)]
    [InlineData("x", 100_000)]
    [InlineData("😀", 1_500)]
    [InlineData("a😀", 5_000)]
    [InlineData("😀a", 5_000)]
    public void A_long_message_keeps_start_and_end_within_the_limit(string unit, int repeats)
    {
        var text = "Start: '" + string.Concat(Enumerable.Repeat(unit, repeats)) + "' ends here.";

        var cut = DomainErrorInfoProvider.Cut(text);

        Assert.InRange(cut.Length, 1, DomainErrorInfoProvider.MaxMessageLength);
        Assert.StartsWith("Start: '", cut, StringComparison.Ordinal);
        Assert.EndsWith("' ends here.", cut, StringComparison.Ordinal);
        Assert.Contains(string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"(cut: the message has {text.Length:N0} characters)"), cut, StringComparison.Ordinal);
        // Read rune by rune, a lone surrogate would come out as U+FFFD.
        Assert.Equal(cut, string.Concat(cut.EnumerateRunes().Select(r => r.ToString())));
    }
}
