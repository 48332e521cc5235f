namespace ProductQuality.Graph.Enterprises;

/// <summary>Outcome of checking a credit code: valid, or the specific problem in words.</summary>
public sealed record CreditCodeValidation(bool IsValid, string? Problem);
