using ProductQuality.Graph.Rules.Common;

namespace ProductQuality.Graph.Rules.Blacklist;

/// <summary>Whether a listed enterprise may be removed; removal is a new event, never a delete.</summary>
/// <param name="Eligible">True when the rectification period has passed without violation.</param>
/// <param name="EligibleFrom">First date on which removal is allowed.</param>
/// <param name="Explanation">Summary and factors.</param>
public sealed record BlacklistRemovalResult(bool Eligible, DateOnly EligibleFrom, Explanation Explanation);
