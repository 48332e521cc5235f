namespace ProductQuality.Graph.Audit;

/// <summary>An entry with the credit codes its reader may see (a county bureau: only its county's).</summary>
public sealed record AccessLogView(AccessLogEntry Entry, IReadOnlyList<string> Codes);
