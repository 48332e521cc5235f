namespace ProductQuality.Graph.Changes;

/// <summary>What a change event says changed; each kind belongs to the field group of the value it carries.</summary>
public enum ChangeKind
{
    /// <summary>An enterprise's class (企业分类).</summary>
    Class,

    /// <summary>An enterprise's health code (健康码).</summary>
    HealthCode,

    /// <summary>An enterprise's colour on the four-colour map (四色图).</summary>
    MapColour,

    /// <summary>An enterprise's quality safety index (产品质量安全指数).</summary>
    QualityIndex,

    /// <summary>A listing on or removal from the blacklist (黑名单).</summary>
    Blacklist,

    /// <summary>A grant, revocation or expiry of the assured consumption title (放心消费单位).</summary>
    Assured,

    /// <summary>A product's risk tier (产品分级).</summary>
    ProductTier,
}
