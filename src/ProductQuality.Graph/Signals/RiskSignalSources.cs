namespace ProductQuality.Graph.Signals;

/// <summary>How a source is named in explanations and reports, and whether it is domestic.</summary>
public static class RiskSignalSources
{
    /// <summary>The short name an explanation puts before the reference, e.g. "EU Safety Gate SR/01234/25".</summary>
    public static string Label(this RiskSignalSource source) => source switch
    {
        RiskSignalSource.SamrRecall => "SAMR recall (市场监管总局召回)",
        RiskSignalSource.ProvincialMonitoring => "provincial monitoring (省风险监测)",
        RiskSignalSource.EuSafetyGate => "EU Safety Gate",
        RiskSignalSource.UsCpsc => "US CPSC",
        RiskSignalSource.AustraliaAccc => "ACCC",
        RiskSignalSource.OecdGlobalRecalls => "OECD GlobalRecalls",
        _ => throw new ArgumentOutOfRangeException(nameof(source), source, null),
    };

    /// <summary>The GraphQL name of the source (EU_SAFETY_GATE), as the report and statistics key it.</summary>
    public static string Key(this RiskSignalSource source) => source switch
    {
        RiskSignalSource.SamrRecall => "SAMR_RECALL",
        RiskSignalSource.ProvincialMonitoring => "PROVINCIAL_MONITORING",
        RiskSignalSource.EuSafetyGate => "EU_SAFETY_GATE",
        RiskSignalSource.UsCpsc => "US_CPSC",
        RiskSignalSource.AustraliaAccc => "AUSTRALIA_ACCC",
        RiskSignalSource.OecdGlobalRecalls => "OECD_GLOBAL_RECALLS",
        _ => throw new ArgumentOutOfRangeException(nameof(source), source, null),
    };
}
