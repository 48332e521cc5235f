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

/// <summary>The kinds as text says them: English first, the official Chinese term in brackets.</summary>
public static class EnforcementKindLabels
{
    /// <summary>E.g. "intellectual-property infringement (侵犯知识产权)".</summary>
    public static string Label(this EnforcementKind kind) => kind switch
    {
        EnforcementKind.UnlicensedProduction => "unlicensed production (无证生产)",
        EnforcementKind.Counterfeiting => "counterfeiting (制假售假)",
        EnforcementKind.IpInfringement => "intellectual-property infringement (侵犯知识产权)",
        EnforcementKind.Penalty => "administrative penalty (行政处罚)",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
