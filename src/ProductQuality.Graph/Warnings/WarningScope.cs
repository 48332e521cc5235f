namespace ProductQuality.Graph.Warnings;

/// <summary>What a risk warning bulletin is about.</summary>
public enum WarningScope
{
    /// <summary>A problem in one region (区域性).</summary>
    Regional,

    /// <summary>A problem across a sector or product (行业性).</summary>
    Sector,
}
