namespace ProductQuality.Graph.Rules.Blacklist;

/// <summary>An order to rectify (责令整改) a product after a failure.</summary>
/// <param name="ProductId">The product concerned.</param>
/// <param name="Date">Date of the order.</param>
public sealed record RectificationOrder(string ProductId, DateOnly Date);
