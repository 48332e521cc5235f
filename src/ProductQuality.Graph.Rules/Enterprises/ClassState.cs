using ProductQuality.Graph.Rules.Common;

namespace ProductQuality.Graph.Rules.Enterprises;

/// <summary>The class in force before this evaluation, as stored by the caller.</summary>
/// <param name="EffectiveClass">The class that was in force.</param>
/// <param name="LastDowngradeOn">When the enterprise was last downgraded, if ever; starts the upgrade wait.</param>
public sealed record ClassState(EnterpriseClass EffectiveClass, DateOnly? LastDowngradeOn);
