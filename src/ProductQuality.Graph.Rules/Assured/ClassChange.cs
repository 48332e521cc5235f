using ProductQuality.Graph.Rules.Common;

namespace ProductQuality.Graph.Rules.Assured;

/// <summary>One entry of an enterprise's effective-class history: the class in force from a date on.</summary>
/// <param name="EffectiveFrom">First day the class applied.</param>
/// <param name="Class">The effective class.</param>
public sealed record ClassChange(DateOnly EffectiveFrom, EnterpriseClass Class);
