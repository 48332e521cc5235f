namespace ProductQuality.Graph.Rules.Blacklist;

/// <summary>A failed supervision sampling (监督抽查不合格) of one product.</summary>
/// <param name="ProductId">The product.</param>
/// <param name="Date">Date of the result.</param>
public sealed record FailedSampling(string ProductId, DateOnly Date);
