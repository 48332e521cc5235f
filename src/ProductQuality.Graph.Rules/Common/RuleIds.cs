namespace ProductQuality.Graph.Rules.Common;

/// <summary>Stable rule ids recorded in <see cref="Explanation.Rule"/>; clients may key on them.</summary>
public static class RuleIds
{
    /// <summary>Product tier (产品分级).</summary>
    public const string ProductTier = "product-tier";

    /// <summary>Enterprise class from its conditions (企业分类).</summary>
    public const string EnterpriseClass = "enterprise-class";

    /// <summary>Upgrade and downgrade principle (升降原则) applied to the class.</summary>
    public const string ClassTransition = "class-transition";

    /// <summary>Health code colour (健康码).</summary>
    public const string HealthCode = "health-code";

    /// <summary>Colour of the enterprise point on the four-colour vector map (四色矢量图).</summary>
    public const string MapColour = "map-colour";

    /// <summary>Enterprise quality safety index (产品质量安全指数).</summary>
    public const string QualityIndex = "quality-index";

    /// <summary>Town or county colour (四色区域图).</summary>
    public const string RegionColour = "region-colour";

    /// <summary>Region quality safety index, weighted by product tier.</summary>
    public const string RegionIndex = "region-index";

    /// <summary>Inspection frequency and next due date.</summary>
    public const string InspectionFrequency = "inspection-frequency";

    /// <summary>Blacklist listing eligibility (黑名单).</summary>
    public const string BlacklistListing = "blacklist-listing";

    /// <summary>Blacklist removal eligibility (移出黑名单).</summary>
    public const string BlacklistRemoval = "blacklist-removal";

    /// <summary>Assured consumption unit (放心消费单位).</summary>
    public const string AssuredConsumption = "assured-consumption";
}
