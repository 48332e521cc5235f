namespace ProductQuality.Graph.Assessment;

/// <summary>Progress of a recompute: a stage and how far it is.</summary>
public sealed record RecomputeProgress(string Stage, int Done, int Total);
