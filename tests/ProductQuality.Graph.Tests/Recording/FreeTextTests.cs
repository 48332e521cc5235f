using ProductQuality.Graph.Tests.Infrastructure;

namespace ProductQuality.Graph.Tests.Recording;

/// <summary>
/// Free text a write stores (reasons, summaries, notes, lab names) and partners read back: blank includes invisible
/// (zero-width spaces, Hangul fillers, the braille blank or marks alone were stored and shown as an empty summary);
/// control characters other than tab and line breaks, bidi overrides and noncharacters are refused with the
/// character named; line breaks, and a rare character typed in the private-use area, are kept.
/// </summary>
[Collection(WritableServerCollection.Name)]
public sealed class FreeTextTests(WritableServerFactory factory)
{
    private readonly HttpClient _city = factory.ClientFor("samr-jiaxing");

    [Theory]
    [InlineData("\u200b\u200b", "is required")]
    [InlineData(" \u2060\ufeff\u200d ", "is required")]
    [InlineData("\u3164\u3164", "is required")]
    [InlineData("\u115f\uffa0\u2800", "is required")]
    [InlineData("\u034f\u0301\ufe0f", "is required")]
    [InlineData("罚款\u202e0005\u202c元", "bidirectional formatting character U+202E at character 3")]
    [InlineData("插座\u2066外壳", "bidirectional formatting character U+2066 at character 3")]
    [InlineData("插座\uffff", "noncharacter U+FFFF at character 3")]
    [InlineData("插座\ufdd0", "noncharacter U+FDD0 at character 3")]
    [InlineData("插座外壳开裂\u0007", "control character U+0007 at character 7")]
    [InlineData("\u001b[31m插座外壳开裂", "control character U+001B at character 1")]
    [InlineData("插座\u0085外壳", "control character U+0085 at character 3")]
    public async Task Invisible_or_control_text_is_refused_naming_what_is_wrong(string summary, string said)
    {
        var reply = await _city.PostAsync(Writes.RecordValidComplaint, await ComplaintAsync(summary));

        Assert.Equal(["INVALID_INPUT input.summary"], reply.FieldErrors());
        Assert.Contains(said, reply.FirstErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Line_breaks_and_tabs_are_kept()
    {
        const string Summary = "第一行：插座外壳开裂\n第二行：\t已转办 \ue000";

        var reply = (await _city.PostAsync(Writes.RecordValidComplaint, await ComplaintAsync(Summary))).EnsureData();

        Assert.Equal(Summary, reply.Data.GetProperty("recordValidComplaint").GetProperty("complaint")
            .GetProperty("summary").GetString());
    }

    private async Task<object> ComplaintAsync(string summary)
    {
        var (code, product, _) = await factory.EnterpriseAsync(35);
        return new { input = new { idempotencyKey = WriteData.Key(), creditCode = code, productCode = product,
            foundValidOn = "2026-11-10", summary } };
    }
}
