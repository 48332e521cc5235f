namespace ProductQuality.Graph.Rules.Timeline;

/// <summary>Kind of enforcement decision (行政处罚/处理决定).</summary>
public enum EnforcementKind
{
    /// <summary>Unlicensed production (无证生产).</summary>
    UnlicensedProduction,

    /// <summary>Counterfeiting (制假售假).</summary>
    Counterfeiting,

    /// <summary>Intellectual-property infringement (侵犯知识产权).</summary>
    IpInfringement,

    /// <summary>Another administrative penalty (行政处罚).</summary>
    Penalty,
}
