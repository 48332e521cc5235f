using ProductQuality.Graph.Rules.Common;
using static ProductQuality.Graph.Rules.Common.ExplanationBuilder;

namespace ProductQuality.Graph.Rules.Enterprises;

/// <summary>
/// The upgrade/downgrade principle (升降原则): downgrades take effect at once; an upgrade
/// needs the conditions to hold and the configured months (default 12) since the last
/// downgrade, measured in calendar months. An active manual override wins over both — except a blacklisting: a
/// blacklisted enterprise is class C (DOMAIN), so an override to a better class is set aside while it is listed (one
/// to A showed a blacklisted enterprise with a blue health code beside its public listing) and applies again after.
/// </summary>
public sealed class ClassTransitionRule(RulesOptions options)
{
    private readonly EnterpriseClassOptions o = options.EnterpriseClass;

    /// <summary>Applies the principle to the class the conditions call for.</summary>
    /// <param name="conditionsClass">Result of <see cref="EnterpriseClassRule"/>.</param>
    /// <param name="previous">The class in force before, or null on the first evaluation.</param>
    /// <param name="asOf">Date of the evaluation.</param>
    /// <param name="manualOverride">A manual class override; it applies through its expiry date.</param>
    /// <param name="blacklisted">Whether the enterprise is on the blacklist that day.</param>
    public ClassTransitionResult Apply(EnterpriseClass conditionsClass, ClassState? previous, DateOnly asOf,
        Override<EnterpriseClass>? manualOverride = null, bool blacklisted = false)
    {
        var x = new ExplanationBuilder(RuleIds.ClassTransition, options.Version);
        x.Factor(FactGroup.Class, "class from conditions (按条件评定)", conditionsClass.Code(), null, "candidate");
        x.Factor(FactGroup.Class, "previous class (原类别)", previous is null ? "none" : previous.EffectiveClass.Code(),
            null, "compared");
        x.Factor(FactGroup.Class, "last downgrade (最近降级)",
            previous?.LastDowngradeOn is { } d ? Date(d) : "never",
            Inv($"upgrade wait {o.UpgradeWaitMonths} months"), "checked");
        var lastDowngrade = previous?.LastDowngradeOn;

        if (manualOverride is not null)
        {
            var active = manualOverride.IsActiveOn(asOf);
            var setAside = active && blacklisted && manualOverride.Value != EnterpriseClass.C;
            var effect = !active ? "expired, ignored"
                : setAside ? "not applied"
                : Inv($"class set to {manualOverride.Value.Code()}");
            // The override's reason is the regulator's free text and may cite any fact: regulators only.
            x.Factor(FactGroup.Class, "manual override (人工调整)", manualOverride.Value.Code(),
                Inv($"expires {Date(manualOverride.ExpiresOn)}"), effect);
            if (setAside)
            {
                // Why, in the blacklist's own group: a reader who may not see the listing reads only "not applied".
                x.Factor(FactGroup.BlacklistStatus, "blacklisted (黑名单)", "yes", null,
                    "override set aside while listed (列入黑名单期间人工调整不适用)");
            }

            x.Factor(FactGroup.Enforcement, "override reason (调整理由)", manualOverride.Reason, null,
                active ? "stated" : "expired, ignored");
            if (active && !setAside)
            {
                var cls = manualOverride.Value;
                if (previous is not null && cls.IsWorseThan(previous.EffectiveClass))
                {
                    lastDowngrade = asOf;
                }

                x.Clause(Inv($"by manual override (人工调整) until {Date(manualOverride.ExpiresOn)}"), FactGroup.Class)
                    .Clause(manualOverride.Reason, FactGroup.Enforcement)
                    .Clause(Inv($"conditions call for {conditionsClass.Code()}"), FactGroup.Class);
                return new(conditionsClass, cls, ClassTransitionKind.Overridden, lastDowngrade, null,
                    x.Build(cls.Code(), cls.Label()));
            }
        }

        if (previous is null)
        {
            x.Clause("first classification (首次分类)", FactGroup.Class);
            return new(conditionsClass, conditionsClass, ClassTransitionKind.Initial, null, null,
                x.Build(conditionsClass.Code(), conditionsClass.Label()));
        }

        var prior = previous.EffectiveClass;
        if (conditionsClass.IsWorseThan(prior))
        {
            x.Clause(Inv($"downgraded from {prior.Code()} (降级), effective at once on {Date(asOf)}"), FactGroup.Class);
            return new(conditionsClass, conditionsClass, ClassTransitionKind.Downgraded, asOf, null,
                x.Build(conditionsClass.Code(), conditionsClass.Label()));
        }

        if (conditionsClass == prior)
        {
            x.Clause("unchanged (类别不变)", FactGroup.Class);
            return new(conditionsClass, prior, ClassTransitionKind.Unchanged, lastDowngrade, null,
                x.Build(prior.Code(), prior.Label()));
        }

        var allowedFrom = lastDowngrade?.AddMonths(o.UpgradeWaitMonths);
        if (allowedFrom is { } from && asOf < from)
        {
            x.Clause(
                Inv($"upgrade to {conditionsClass.Code()} deferred until {Date(from)} ")
                + Inv($"(升级需自降级起满{o.UpgradeWaitMonths}个月, last downgrade {Date(lastDowngrade!.Value)})"),
                FactGroup.Class);
            return new(conditionsClass, prior, ClassTransitionKind.UpgradeDeferred, lastDowngrade, from,
                x.Build(prior.Code(), prior.Label()));
        }

        var up = Inv($"upgraded from {prior.Code()} (升级)") +
            (lastDowngrade is { } ld
                ? Inv($", {o.UpgradeWaitMonths} months since the downgrade on {Date(ld)} have passed")
                : string.Empty);
        x.Clause(up, FactGroup.Class);
        return new(conditionsClass, conditionsClass, ClassTransitionKind.Upgraded, lastDowngrade, null,
            x.Build(conditionsClass.Code(), conditionsClass.Label()));
    }
}
