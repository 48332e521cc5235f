namespace ProductQuality.Graph.Warnings;

/// <summary>Severity of a risk warning.</summary>
public enum WarningSeverity
{
    /// <summary>Notice (提示).</summary>
    Notice,

    /// <summary>Warning (警示).</summary>
    Warning,

    /// <summary>Serious alert (严重警示).</summary>
    Serious,
}
