using ProductQuality.Graph.Rules.Common;
using ProductQuality.Graph.Rules.Enterprises;
using static ProductQuality.Graph.Rules.Tests.Given;

namespace ProductQuality.Graph.Rules.Tests.Enterprises;

public class ClassTransitionRuleTests
{
    private readonly ClassTransitionRule rule = new(Options());

    [Fact]
    public void First_evaluation_takes_the_conditions_class()
    {
        var r = rule.Apply(EnterpriseClass.A, null, D("2026-06-30"));
        Assert.Equal((EnterpriseClass.A, ClassTransitionKind.Initial, (DateOnly?)null),
            (r.EffectiveClass, r.Kind, r.LastDowngradeOn));
        Assert.Equal(RuleIds.ClassTransition, r.Explanation.Rule);
    }

    [Theory]
    [InlineData(EnterpriseClass.A, EnterpriseClass.C, "2026-06-30", EnterpriseClass.C, ClassTransitionKind.Downgraded,
        "2026-06-30")]
    [InlineData(EnterpriseClass.AA, EnterpriseClass.A, "2026-06-30", EnterpriseClass.A, ClassTransitionKind.Downgraded,
        "2026-06-30")]
    [InlineData(EnterpriseClass.A, EnterpriseClass.A, "2026-06-30", EnterpriseClass.A, ClassTransitionKind.Unchanged,
        "2026-04-01")]
    [InlineData(EnterpriseClass.C, EnterpriseClass.A, "2027-03-31", EnterpriseClass.C,
        ClassTransitionKind.UpgradeDeferred, "2026-04-01")]
    [InlineData(EnterpriseClass.C, EnterpriseClass.AA, "2026-04-01", EnterpriseClass.C,
        ClassTransitionKind.UpgradeDeferred, "2026-04-01")]
    [InlineData(EnterpriseClass.C, EnterpriseClass.A, "2027-04-01", EnterpriseClass.A, ClassTransitionKind.Upgraded,
        "2026-04-01")]
    [InlineData(EnterpriseClass.C, EnterpriseClass.B, "2027-04-02", EnterpriseClass.B, ClassTransitionKind.Upgraded,
        "2026-04-01")]
    public void Downgrades_at_once_upgrades_after_twelve_months(EnterpriseClass previous, EnterpriseClass conditions,
        string asOf, EnterpriseClass effective, ClassTransitionKind kind, string lastDowngrade)
    {
        var r = rule.Apply(conditions, new ClassState(previous, D("2026-04-01")), D(asOf));
        Assert.Equal(effective, r.EffectiveClass);
        Assert.Equal(conditions, r.ConditionsClass);
        Assert.Equal(kind, r.Kind);
        Assert.Equal(D(lastDowngrade), r.LastDowngradeOn);
        Assert.Equal(effective.Code(), r.Explanation.Outcome);
        Assert.Equal(new ClassState(effective, D(lastDowngrade)), r.ToState());
    }

    [Fact]
    public void Deferred_upgrade_says_until_when()
    {
        var r = rule.Apply(EnterpriseClass.A, new ClassState(EnterpriseClass.C, D("2026-04-01")), D("2027-03-31"));
        Assert.Equal(D("2027-04-01"), r.UpgradeDeferredUntil);
        Assert.Contains("upgrade to A deferred until 2027-04-01", r.Explanation.Summary, StringComparison.Ordinal);
        Assert.StartsWith("Class C (C类): ", r.Explanation.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Upgrade_without_any_downgrade_is_immediate()
    {
        var r = rule.Apply(EnterpriseClass.AA, new ClassState(EnterpriseClass.B, null), D("2026-06-30"));
        Assert.Equal((EnterpriseClass.AA, ClassTransitionKind.Upgraded), (r.EffectiveClass, r.Kind));
    }

    [Theory]
    [InlineData("2026-09-30", ClassTransitionKind.UpgradeDeferred)]
    [InlineData("2026-10-01", ClassTransitionKind.Upgraded)]
    public void Wait_is_configurable(string asOf, ClassTransitionKind kind)
    {
        var custom = new ClassTransitionRule(Options(o => o.EnterpriseClass.UpgradeWaitMonths = 6));
        Assert.Equal(kind,
            custom.Apply(EnterpriseClass.A, new ClassState(EnterpriseClass.B, D("2026-04-01")), D(asOf)).Kind);
    }

    [Theory]
    [InlineData("2026-12-30", EnterpriseClass.C, ClassTransitionKind.Overridden)]
    [InlineData("2026-12-31", EnterpriseClass.C, ClassTransitionKind.Overridden)]
    [InlineData("2027-01-01", EnterpriseClass.A, ClassTransitionKind.Unchanged)]
    public void Manual_override_wins_while_active(string asOf, EnterpriseClass effective, ClassTransitionKind kind)
    {
        var o = new Override<EnterpriseClass>(EnterpriseClass.C, "court ruling pending", D("2026-12-31"));
        var r = rule.Apply(EnterpriseClass.A, new ClassState(EnterpriseClass.A, null), D(asOf), o);
        Assert.Equal(effective, r.EffectiveClass);
        Assert.Equal(kind, r.Kind);
        Assert.Equal(kind == ClassTransitionKind.Overridden,
            r.Explanation.Summary.Contains("court ruling pending", StringComparison.Ordinal));
        Assert.Equal(kind == ClassTransitionKind.Overridden ? D(asOf) : null, r.LastDowngradeOn);
    }

    [Fact]
    public void Override_may_lift_a_deferred_upgrade()
    {
        var o = new Override<EnterpriseClass>(EnterpriseClass.AA, "appeal granted", D("2026-12-31"));
        var r = rule.Apply(EnterpriseClass.AA, new ClassState(EnterpriseClass.B, D("2026-04-01")), D("2026-06-30"), o);
        Assert.Equal((EnterpriseClass.AA, ClassTransitionKind.Overridden, D("2026-04-01")),
            (r.EffectiveClass, r.Kind, r.LastDowngradeOn!.Value));
    }

    [Theory]
    [InlineData(EnterpriseClass.A, true, EnterpriseClass.C, ClassTransitionKind.Downgraded)]
    [InlineData(EnterpriseClass.AA, true, EnterpriseClass.C, ClassTransitionKind.Downgraded)]
    [InlineData(EnterpriseClass.C, true, EnterpriseClass.C, ClassTransitionKind.Overridden)]
    [InlineData(EnterpriseClass.A, false, EnterpriseClass.A, ClassTransitionKind.Overridden)]
    public void A_blacklisting_sets_aside_an_override_to_a_better_class(
        EnterpriseClass overridden, bool blacklisted, EnterpriseClass effective, ClassTransitionKind kind)
    {
        var o = new Override<EnterpriseClass>(overridden, "appeal granted", D("2026-12-31"));
        var conditions = blacklisted ? EnterpriseClass.C : EnterpriseClass.B;
        var r = rule.Apply(conditions, new ClassState(EnterpriseClass.B, null), D("2026-06-30"), o, blacklisted);
        Assert.Equal((effective, kind), (r.EffectiveClass, r.Kind));
        Assert.Equal(blacklisted && overridden != EnterpriseClass.C,
            r.Explanation.Factors.Any(f => f.Group == FactGroup.BlacklistStatus
                && f.Effect.StartsWith("override set aside while listed", StringComparison.Ordinal)));
    }
}
