using System.ComponentModel.DataAnnotations;

namespace ProductQuality.Graph.Rules.Products;

/// <summary>
/// Weights of the product risk score (0–100) and the tier thresholds. The score has three
/// capped parts — nonconformity, warnings, sensitivity — whose caps add up to 100 by default,
/// so no single part can push a product into HIGH on its own.
/// </summary>
public sealed class ProductTierOptions
{
    /// <summary>Score at or above which a product is HIGH (高风险).</summary>
    [Range(0, 100)]
    public decimal HighThreshold { get; set; } = 70;

    /// <summary>Score at or above which a product is ELEVATED (较高风险).</summary>
    [Range(0, 100)]
    public decimal ElevatedThreshold { get; set; } = 40;

    /// <summary>Maximum points from the city's three-year sampling nonconformity rate.</summary>
    [Range(0, 100)]
    public decimal NonconformityWeight { get; set; } = 50;

    /// <summary>Nonconformity rate (percent) that earns the full <see cref="NonconformityWeight"/>; points grow linearly up to it.</summary>
    [Range(0.01, 100)]
    public decimal NonconformityPercentForFullWeight { get; set; } = 10;

    /// <summary>Maximum points from domestic and foreign risk warnings or recalls in two years.</summary>
    [Range(0, 100)]
    public decimal WarningsWeight { get; set; } = 25;

    /// <summary>Points per warning or recall, up to <see cref="WarningsWeight"/>.</summary>
    [Range(0, 100)]
    public decimal PointsPerWarning { get; set; } = 5;

    /// <summary>Maximum points from sensitivity factors together.</summary>
    [Range(0, 100)]
    public decimal SensitivityWeight { get; set; } = 25;

    /// <summary>Points when children are users (儿童用品).</summary>
    [Range(0, 100)]
    public decimal ChildrenPoints { get; set; } = 8;

    /// <summary>Points when the elderly are users (老年人用品).</summary>
    [Range(0, 100)]
    public decimal ElderlyPoints { get; set; } = 5;

    /// <summary>Points for safety-critical use: electrical, gas, pressure (电气、燃气、承压).</summary>
    [Range(0, 100)]
    public decimal SafetyCriticalPoints { get; set; } = 8;

    /// <summary>Points for food-contact products (食品相关产品).</summary>
    [Range(0, 100)]
    public decimal FoodContactPoints { get; set; } = 6;

    /// <summary>Points per public complaint (社会关注度), up to <see cref="ComplaintPointsCap"/>.</summary>
    [Range(0, 100)]
    public decimal PointsPerComplaint { get; set; } = 1;

    /// <summary>Cap of the complaint points, so a campaign of complaints cannot dominate.</summary>
    [Range(0, 100)]
    public decimal ComplaintPointsCap { get; set; } = 5;

    internal IEnumerable<string> OrderingErrors()
    {
        if (ElevatedThreshold >= HighThreshold)
        {
            yield return "Rules:ProductTier: ElevatedThreshold must be below HighThreshold.";
        }
    }
}
