namespace ProductQuality.Graph.Recording;

/// <summary>What an override input asks, whatever it overrides (an enterprise's class, a product's tier).</summary>
/// <param name="Code">The subject's code: a credit code or a product code.</param>
/// <param name="Withdraws">True when the class or tier is null: the override in force is withdrawn.</param>
public sealed record OverrideRequest(
    string Code, bool Withdraws, string Reason, DateOnly? ExpiresOn, int ExpectedRevision);
