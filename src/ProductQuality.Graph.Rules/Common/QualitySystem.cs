namespace ProductQuality.Graph.Rules.Common;

/// <summary>State of the enterprise's quality management system (质量管理体系).</summary>
public enum QualitySystem
{
    /// <summary>No quality management system (未建立质量管理体系).</summary>
    None = 0,

    /// <summary>Established but not certified (已建立质量管理体系).</summary>
    Established = 1,

    /// <summary>Certified by a third party (通过质量管理体系认证).</summary>
    Certified = 2,
}
