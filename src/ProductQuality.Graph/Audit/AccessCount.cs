namespace ProductQuality.Graph.Audit;

/// <summary>How many logged requests share one key (a department, a purpose, a day, an outcome).</summary>
public sealed record AccessCount(string? Key, int Count);
