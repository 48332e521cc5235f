using ProductQuality.Graph.Assessment;

namespace ProductQuality.Graph.Recording;

/// <summary>
/// A fact added to the context but not yet saved: its id once saved, the key of its answer, what it touches.
/// </summary>
public sealed record Staged(Func<long> FactId, string ResultKey, Touched Touched);
