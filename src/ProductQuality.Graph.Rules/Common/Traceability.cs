namespace ProductQuality.Graph.Rules.Common;

/// <summary>Product traceability capability (产品质量追溯能力) of an enterprise.</summary>
public enum Traceability
{
    /// <summary>No traceability (无追溯能力).</summary>
    None = 0,

    /// <summary>Partial traceability (部分可追溯).</summary>
    Partial = 1,

    /// <summary>Full traceability (全程可追溯).</summary>
    Full = 2,
}
