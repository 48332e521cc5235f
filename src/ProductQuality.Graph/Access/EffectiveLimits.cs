namespace ProductQuality.Graph.Access;

/// <summary>The limits in force for one audience, every default applied.</summary>
public sealed record EffectiveLimits(
    int MaxCost, int RequestsPerWindow, TimeSpan Window, int MaxConcurrentRequests, int MaxQueuedRequests);
