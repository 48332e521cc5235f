using ProductQuality.Graph.Enterprises;
using ProductQuality.Graph.Products;

namespace ProductQuality.Graph.Recording;

/// <summary>What a write answers: the recorded fact and what it touched, re-read after commit.</summary>
/// <param name="Replayed">True when the idempotency key had already recorded this fact and nothing new was
/// written.</param>
public sealed record MutationResult(bool Replayed, object Fact, Enterprise? Enterprise, Product? Product);
