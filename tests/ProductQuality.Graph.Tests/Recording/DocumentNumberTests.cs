using ProductQuality.Graph.Infrastructure;
using ProductQuality.Graph.Recording;

namespace ProductQuality.Graph.Tests.Recording;

/// <summary>The form a document number is stored and compared in, and the characters it may not hold.</summary>
public sealed class DocumentNumberTests
{
    [Theory]
    [InlineData("JX-2026-001", "JX-2026-001")]
    [InlineData("  JX-2026-001\t", "JX-2026-001")]
    [InlineData("ＪＸ－２０２６－００１", "JX-2026-001")]
    [InlineData("浙嘉市监抽〔2026〕第\u3000 12号", "浙嘉市监抽〔2026〕第 12号")]
    [InlineData("嘉市监（2026）3号", "嘉市监(2026)3号")]
    [InlineData("e\u0301-1", "\u00e9-1")]
    public void A_number_is_kept_in_compatibility_form_with_single_spaces(string typed, string stored)
    {
        Assert.Equal(stored, DocumentNumber.Normalize(typed));
        Assert.Null(PrintableText.FirstUnprintable(stored));
    }

    [Theory]
    [InlineData("JX\u200b1", "U+200B (an invisible formatting character) at character 3")]
    [InlineData("\u2066JX1\u2069", "U+2066 (an invisible formatting character) at character 1")]
    [InlineData("JX1\u00ad", "U+00AD (an invisible formatting character) at character 4")]
    [InlineData("JX\u00011", "U+0001 (a control character) at character 3")]
    [InlineData("x\u0301", "U+0301 (a combining mark) at character 2")]
    [InlineData("JX\ue0001", "U+E000 (a private-use character) at character 3")]
    public void A_character_nobody_can_see_is_named(string typed, string named) =>
        Assert.Equal(named, PrintableText.FirstUnprintable(DocumentNumber.Normalize(typed)!));

    [Fact]
    public void A_lone_surrogate_is_not_a_number() => Assert.Null(DocumentNumber.Normalize("JX\ud800"));

    [Theory]
    [InlineData(" JX-1 ", new[] { "JX-1" })]
    [InlineData("嘉市监处罚（2026）7号", new[] { "嘉市监处罚(2026)7号", "嘉市监处罚（2026）7号" })]
    [InlineData("jx-é1", new[] { "jx-é1", "JX-é1" })]
    [InlineData("ｊｘ-1", new[] { "jx-1", "ｊｘ-1", "JX-1" })]
    public void A_number_is_looked_for_as_normalized_and_as_typed(string typed, string[] forms) =>
        Assert.Equal(forms, DocumentNumber.Forms(typed));
}
