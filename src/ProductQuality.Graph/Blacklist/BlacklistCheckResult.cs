using ProductQuality.Graph.Enterprises;

namespace ProductQuality.Graph.Blacklist;

/// <summary>
/// The answer for one input code: the code's verdict and, when an enterprise in scope has it, its standing.
/// </summary>
public sealed record BlacklistCheckResult(CreditCodeItem Item, BlacklistStanding? Standing);
