namespace ProductQuality.Graph.Assessment;

/// <summary>A product's city samplings in the window: sampled, failed, and failed on a safety item.</summary>
internal readonly record struct SamplingCounts(int Sampled, int Failed, int SafetyFailed);
