using ProductQuality.Graph.Rules.Common;

namespace ProductQuality.Graph.Rules.Enterprises;

/// <summary>The class in force after the upgrade/downgrade principle (升降原则) and any override.</summary>
/// <param name="ConditionsClass">The class the conditions call for.</param>
/// <param name="EffectiveClass">The class in force from the as-of date.</param>
/// <param name="Kind">What happened.</param>
/// <param name="LastDowngradeOn">The last downgrade date to store for the next evaluation.</param>
/// <param name="UpgradeDeferredUntil">When a deferred upgrade may first take effect.</param>
/// <param name="Explanation">Summary and factors.</param>
public sealed record ClassTransitionResult(
    EnterpriseClass ConditionsClass,
    EnterpriseClass EffectiveClass,
    ClassTransitionKind Kind,
    DateOnly? LastDowngradeOn,
    DateOnly? UpgradeDeferredUntil,
    Explanation Explanation)
{
    /// <summary>The state to store and pass as the previous state next time.</summary>
    public ClassState ToState() => new(EffectiveClass, LastDowngradeOn);
}
