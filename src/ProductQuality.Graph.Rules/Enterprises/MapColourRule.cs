using ProductQuality.Graph.Rules.Common;

namespace ProductQuality.Graph.Rules.Enterprises;

/// <summary>
/// Map colour = class × highest product tier (依据企业分类和产品风险分级), per the table in
/// DOMAIN.md; a blacklisted enterprise is RED whatever its class.
/// </summary>
public sealed class MapColourRule(RulesOptions options)
{
    // Rows AA, A, B, C; columns HIGH, ELEVATED, GENERAL — indexed by the enums' values.
    private static readonly FourColor[,] Table =
    {
        { FourColor.Blue, FourColor.Green, FourColor.Green },
        { FourColor.Yellow, FourColor.Blue, FourColor.Green },
        { FourColor.Red, FourColor.Yellow, FourColor.Blue },
        { FourColor.Red, FourColor.Red, FourColor.Yellow },
    };

    /// <summary>Colours an enterprise from its effective class and its products' tiers.</summary>
    public MapColourResult Evaluate(
        EnterpriseClass effectiveClass, IEnumerable<ProductTier> productTiers, bool blacklisted)
    {
        ArgumentNullException.ThrowIfNull(productTiers);
        var tiers = productTiers.ToList();
        var highest = tiers.Highest();
        var cell = ColourOf(effectiveClass, highest);
        var colour = blacklisted ? FourColor.Red : cell;

        var x = new ExplanationBuilder(RuleIds.MapColour, options.Version)
            .Factor(FactGroup.Class, "effective class (企业分类)", effectiveClass.Code(), null, "table row")
            .Factor(FactGroup.ProductTiers, "highest product tier (产品风险等级)",
                tiers.Count == 0 ? "no products, treated as GENERAL" : highest.Code(), null, "table column")
            .Factor(FactGroup.BlacklistStatus, "blacklisted (黑名单)", blacklisted ? "yes" : "no", null,
                blacklisted ? "RED" : "none");
        if (blacklisted)
        {
            x.Clause("blacklisted (列入黑名单)", FactGroup.BlacklistStatus);
        }
        else
        {
            x.Clause($"{effectiveClass.Label()} × highest product tier {highest.Label()}",
                FactGroup.Class, FactGroup.ProductTiers);
        }

        return new MapColourResult(colour, highest, x.Build(colour.Code(), $"Map colour {colour.Label()}"));
    }

    /// <summary>The table cell for a class and tier.</summary>
    public static FourColor ColourOf(EnterpriseClass value, ProductTier highestTier) =>
        Table[(int)value, (int)highestTier];
}
