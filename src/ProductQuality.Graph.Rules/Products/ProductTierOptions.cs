using System.ComponentModel.DataAnnotations;

namespace ProductQuality.Graph.Rules.Products;

/// <summary>
/// Weights of the product risk score (0–100) and the tier thresholds. The source document grades a product on its
/// traits (产品特点), quality data (质量数据: nonconformity and domestic and foreign risk warnings) and sensitivity
/// (敏感因子); by default traits weigh 15 (the national catalogue's grade most), quality data 70 — the city's
/// nonconformity 35, external risk signals 30 and the city's own bulletins 5 — and sensitivity 15. The caps add up to
/// 100, so no single part can push a product into HIGH on its own; a product no enterprise in the city makes is still
/// graded from signals, traits and sensitivity (at most 60, so never HIGH without local failures).
/// </summary>
public sealed class ProductTierOptions
{
    /// <summary>Score at or above which a product is HIGH (高风险).</summary>
    [Range(0d, 100d)]
    public decimal HighThreshold { get; set; } = 70;

    /// <summary>Score at or above which a product is ELEVATED (较高风险).</summary>
    [Range(0d, 100d)]
    public decimal ElevatedThreshold { get; set; } = 40;

    /// <summary>Maximum points from the city's three-year sampling nonconformity rate.</summary>
    [Range(0d, 100d)]
    public decimal NonconformityWeight { get; set; } = 35;

    /// <summary>
    /// Weighted nonconformity rate (percent) that earns the full <see cref="NonconformityWeight"/>; points grow
    /// linearly up to it.
    /// </summary>
    [Range(0.01, 100)]
    public decimal NonconformityPercentForFullWeight { get; set; } = 10;

    /// <summary>
    /// How much a failed batch counts in the nonconformity rate when no safety item (安全项目) failed — labelling and
    /// other general items (标识等一般项目) — against 1 for a failed safety item. 1 counts every failure alike.
    /// </summary>
    [Range(0d, 1d)]
    public decimal LabellingFailureFactor { get; set; } = 0.5m;

    /// <summary>Maximum points from external risk signals (国内外风险预警/召回).</summary>
    [Range(0d, 100d)]
    public decimal SignalsWeight { get; set; } = 30;

    /// <summary>Look-back window of external signals, in years before the grading day (DOMAIN.md: two years).</summary>
    [Range(1, 10)]
    public int SignalWindowYears { get; set; } = 2;

    /// <summary>Look-back window of the city's own bulletins (本市警情通报), in years before the grading day.</summary>
    [Range(1, 10)]
    public int BulletinWindowYears { get; set; } = 2;

    /// <summary>Points per external signal of serious risk (严重风险).</summary>
    [Range(0d, 100d)]
    public decimal SeriousSignalPoints { get; set; } = 10;

    /// <summary>Points per external signal of high risk (高风险).</summary>
    [Range(0d, 100d)]
    public decimal HighSignalPoints { get; set; } = 6;

    /// <summary>Points per external signal of medium risk (中风险).</summary>
    [Range(0d, 100d)]
    public decimal MediumSignalPoints { get; set; } = 3;

    /// <summary>Points per external signal of low risk (低风险).</summary>
    [Range(0d, 100d)]
    public decimal LowSignalPoints { get; set; } = 1;

    /// <summary>
    /// Maximum points from the city's own risk warning bulletins (警情通报) in two years. They restate the city's
    /// sampling failures, already in the nonconformity part, so they weigh lightly and can never make HIGH alone.
    /// </summary>
    [Range(0d, 100d)]
    public decimal BulletinsWeight { get; set; } = 5;

    /// <summary>Points per city bulletin, up to <see cref="BulletinsWeight"/>.</summary>
    [Range(0d, 100d)]
    public decimal PointsPerBulletin { get; set; } = 2.5m;

    /// <summary>Maximum points from the product's traits (产品特点) together.</summary>
    [Range(0d, 100d)]
    public decimal TraitsWeight { get; set; } = 15;

    /// <summary>Points when the product is under production licence management (生产许可证).</summary>
    [Range(0d, 100d)]
    public decimal LicencePoints { get; set; } = 2.5m;

    /// <summary>Points when the product is under compulsory certification (CCC).</summary>
    [Range(0d, 100d)]
    public decimal CccPoints { get; set; } = 2.5m;

    /// <summary>Points for the national catalogue's grade Ⅰ (高风险).</summary>
    [Range(0d, 100d)]
    public decimal NationalGradeIPoints { get; set; } = 10;

    /// <summary>Points for the national catalogue's grade Ⅱ (较高风险); grade Ⅲ and ungraded earn none.</summary>
    [Range(0d, 100d)]
    public decimal NationalGradeIIPoints { get; set; } = 5;

    /// <summary>Maximum points from sensitivity factors together.</summary>
    [Range(0d, 100d)]
    public decimal SensitivityWeight { get; set; } = 15;

    /// <summary>Points when children are users (儿童用品).</summary>
    [Range(0d, 100d)]
    public decimal ChildrenPoints { get; set; } = 8;

    /// <summary>Points when the elderly are users (老年人用品).</summary>
    [Range(0d, 100d)]
    public decimal ElderlyPoints { get; set; } = 5;

    /// <summary>Points for safety-critical use: electrical, gas, pressure (电气、燃气、承压).</summary>
    [Range(0d, 100d)]
    public decimal SafetyCriticalPoints { get; set; } = 8;

    /// <summary>Points for food-contact products (食品相关产品).</summary>
    [Range(0d, 100d)]
    public decimal FoodContactPoints { get; set; } = 6;

    /// <summary>Points per public complaint (社会关注度), up to <see cref="ComplaintPointsCap"/>.</summary>
    [Range(0d, 100d)]
    public decimal PointsPerComplaint { get; set; } = 1;

    /// <summary>Cap of the complaint points, so a campaign of complaints cannot dominate.</summary>
    [Range(0d, 100d)]
    public decimal ComplaintPointsCap { get; set; } = 5;

    internal IEnumerable<string> OrderingErrors()
    {
        if (ElevatedThreshold >= HighThreshold)
        {
            yield return "Rules:ProductTier: ElevatedThreshold must be below HighThreshold.";
        }
    }
}
