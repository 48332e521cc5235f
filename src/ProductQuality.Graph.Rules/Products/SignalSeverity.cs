namespace ProductQuality.Graph.Rules.Products;

/// <summary>
/// Severity of an external risk signal, on the four risk levels the EU Safety Gate and SAMR's defect recalls both use
/// (严重/高/中/低风险); a source with other words is mapped onto them when the signal is recorded.
/// </summary>
public enum SignalSeverity
{
    /// <summary>Low risk (低风险).</summary>
    Low,

    /// <summary>Medium risk (中风险).</summary>
    Medium,

    /// <summary>High risk (高风险).</summary>
    High,

    /// <summary>Serious risk (严重风险): injury or death likely, e.g. a fire or electric-shock recall.</summary>
    Serious,
}
