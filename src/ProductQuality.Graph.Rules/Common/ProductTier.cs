namespace ProductQuality.Graph.Rules.Common;

/// <summary>Product risk tier (产品分级). Lower numeric value = more risk, so tiers sort riskiest first.</summary>
public enum ProductTier
{
    /// <summary>High risk (高风险).</summary>
    High = 0,

    /// <summary>Elevated risk (较高风险).</summary>
    Elevated = 1,

    /// <summary>General risk (一般风险).</summary>
    General = 2,
}
