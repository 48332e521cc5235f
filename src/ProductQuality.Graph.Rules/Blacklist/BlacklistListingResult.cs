using ProductQuality.Graph.Rules.Common;

namespace ProductQuality.Graph.Rules.Blacklist;

/// <summary>Whether the enforcement history calls for listing (列入黑名单).</summary>
/// <param name="Listed">True when at least one trigger exists.</param>
/// <param name="Reason">The reason of the latest trigger, if listed.</param>
/// <param name="ListedSince">Date of the latest trigger, if listed.</param>
/// <param name="Triggers">Every trigger, oldest first.</param>
/// <param name="Explanation">Summary and factors.</param>
public sealed record BlacklistListingResult(
    bool Listed,
    BlacklistReason? Reason,
    DateOnly? ListedSince,
    IReadOnlyList<BlacklistTrigger> Triggers,
    Explanation Explanation);
