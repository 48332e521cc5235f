namespace ProductQuality.Graph.Rules.Blacklist;

/// <summary>One event that makes an enterprise eligible for the blacklist.</summary>
/// <param name="Reason">The reason category.</param>
/// <param name="Date">Date of the triggering event (the repeat failure, or the decision).</param>
/// <param name="Reference">The decision number, or the product id for a repeat failure.</param>
/// <param name="Description">Plain English with the Chinese term.</param>
public sealed record BlacklistTrigger(BlacklistReason Reason, DateOnly Date, string Reference, string Description);
