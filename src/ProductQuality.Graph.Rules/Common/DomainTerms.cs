namespace ProductQuality.Graph.Rules.Common;

/// <summary>
/// The codes (as in DOMAIN.md: "HIGH", "AA", "RED") and official Chinese terms of the enums,
/// used in explanation text: English or code first, the Chinese term in brackets.
/// </summary>
public static class DomainTerms
{
    /// <summary>"HIGH", "ELEVATED" or "GENERAL".</summary>
    public static string Code(this ProductTier tier) => tier.ToString().ToUpperInvariant();

    /// <summary>"AA", "A", "B" or "C".</summary>
    public static string Code(this EnterpriseClass value) => value.ToString();

    /// <summary>"RED", "YELLOW", "BLUE" or "GREEN".</summary>
    public static string Code(this FourColor colour) => colour.ToString().ToUpperInvariant();

    /// <summary>E.g. "HIGH (高风险)".</summary>
    public static string Label(this ProductTier tier) => tier switch
    {
        ProductTier.High => "HIGH (高风险)",
        ProductTier.Elevated => "ELEVATED (较高风险)",
        ProductTier.General => "GENERAL (一般风险)",
        _ => throw new ArgumentOutOfRangeException(nameof(tier), tier, null),
    };

    /// <summary>E.g. "Class C (C类)".</summary>
    public static string Label(this EnterpriseClass value) => $"Class {value.Code()} ({value.Code()}类)";

    /// <summary>E.g. "RED (红色)".</summary>
    public static string Label(this FourColor colour) => colour switch
    {
        FourColor.Red => "RED (红色)",
        FourColor.Yellow => "YELLOW (黄色)",
        FourColor.Blue => "BLUE (蓝色)",
        FourColor.Green => "GREEN (绿色)",
        _ => throw new ArgumentOutOfRangeException(nameof(colour), colour, null),
    };

    /// <summary>E.g. "partial (部分可追溯)".</summary>
    public static string Label(this Traceability value) => value switch
    {
        Traceability.None => "none (无追溯能力)",
        Traceability.Partial => "partial (部分可追溯)",
        Traceability.Full => "full (全程可追溯)",
        _ => throw new ArgumentOutOfRangeException(nameof(value), value, null),
    };

    /// <summary>E.g. "certified (通过认证)".</summary>
    public static string Label(this QualitySystem value) => value switch
    {
        QualitySystem.None => "none (未建立)",
        QualitySystem.Established => "established (已建立)",
        QualitySystem.Certified => "certified (通过认证)",
        _ => throw new ArgumentOutOfRangeException(nameof(value), value, null),
    };

    /// <summary>The supervision mode (监管方式) that goes with a map colour.</summary>
    public static string SupervisionMode(this FourColor colour) => colour switch
    {
        FourColor.Red => "intensified supervision (加严监管)",
        FourColor.Yellow => "routine supervision (常态监管)",
        FourColor.Blue => "responsibility supervision (责任监管)",
        FourColor.Green => "credit-based supervision (信用监管)",
        _ => throw new ArgumentOutOfRangeException(nameof(colour), colour, null),
    };
}
