namespace ProductQuality.Graph.Rules.Blacklist;

/// <summary>A listing and what happened since, to decide on removal (移出黑名单).</summary>
/// <param name="ListedOn">Date of the listing.</param>
/// <param name="AsOf">Date of the evaluation.</param>
/// <param name="ViolationsSinceListing">Dates of new violations (failures, decisions) after the listing.</param>
public sealed record BlacklistRemovalFacts(
    DateOnly ListedOn, DateOnly AsOf, IReadOnlyList<DateOnly> ViolationsSinceListing);
