namespace ProductQuality.Graph.Rules.Common;

/// <summary>
/// Severity comparisons, so that callers never compare enum numbers by hand
/// (the enums are ordered differently: classes grow worse, tiers and colours grow milder).
/// </summary>
public static class SeverityExtensions
{
    /// <summary>
    /// True when <paramref name="value"/> is a worse class than <paramref name="other"/> (C is worst).
    /// </summary>
    public static bool IsWorseThan(this EnterpriseClass value, EnterpriseClass other) => (int)value > (int)other;

    /// <summary>
    /// True when <paramref name="value"/> is a better class than <paramref name="other"/> (AA is best).
    /// </summary>
    public static bool IsBetterThan(this EnterpriseClass value, EnterpriseClass other) => (int)value < (int)other;

    /// <summary>
    /// True when <paramref name="value"/> is a riskier tier than <paramref name="other"/> (HIGH is riskiest).
    /// </summary>
    public static bool IsRiskierThan(this ProductTier value, ProductTier other) => (int)value < (int)other;

    /// <summary>
    /// True when <paramref name="value"/> is a more severe colour than <paramref name="other"/> (RED is worst).
    /// </summary>
    public static bool IsWorseThan(this FourColor value, FourColor other) => (int)value < (int)other;

    /// <summary>The riskiest tier of a set; an empty set counts as <see cref="ProductTier.General"/>.</summary>
    public static ProductTier Highest(this IEnumerable<ProductTier> tiers)
    {
        ArgumentNullException.ThrowIfNull(tiers);
        var highest = ProductTier.General;
        foreach (var tier in tiers)
        {
            if (tier.IsRiskierThan(highest))
            {
                highest = tier;
            }
        }

        return highest;
    }
}
