using ProductQuality.Graph.Rules.Assessment;
using ProductQuality.Graph.Rules.Assured;
using ProductQuality.Graph.Rules.Common;
using ProductQuality.Graph.Rules.Enterprises;
using static ProductQuality.Graph.Rules.Tests.Given;

namespace ProductQuality.Graph.Rules.Tests.Assessment;

public class EnterpriseEvaluatorTests
{
    private static readonly DateOnly AsOf = D("2026-06-30");
    private readonly EnterpriseEvaluator evaluator = new(Options());

    private static EnterpriseFacts Good(params bool[] passed) => new()
    {
        AsOf = AsOf,
        Samplings = passed.Select((p, i) => new SamplingRecord(AsOf.AddMonths(-6 * (i + 1)), p, false, "P1")).ToList(),
        Traceability = Traceability.Full,
        QualitySystem = QualitySystem.Certified,
    };

    [Fact]
    public void One_call_gives_every_result()
    {
        var a = evaluator.Evaluate(new EnterpriseAssessmentInput { Facts = Good(true, true, true),
            ProductTiers = [ProductTier.High, ProductTier.General] });
        Assert.Equal(EnterpriseClass.AA, a.EffectiveClass);
        Assert.Equal(ClassTransitionKind.Initial, a.Class.Kind);
        Assert.Equal(FourColor.Green, a.HealthCode.Colour);
        Assert.Equal(FourColor.Blue, a.MapColour.Colour);
        Assert.Equal(100, a.QualityIndex.Index);
        Assert.Equal(AssuredStatus.Granted, a.Assured.Status);
        // BLUE is yearly, but a maker of a HIGH product is inspected at least every 3 months (从严监管).
        Assert.Equal((3, AsOf, true), (a.Inspection.IntervalMonths, a.Inspection.DueOn, a.Inspection.IsDue));
        Assert.Equal(new ClassChange(AsOf, EnterpriseClass.AA), Assert.Single(a.ClassHistory));
        Assert.Equal(
            [RuleIds.EnterpriseClass, RuleIds.ClassTransition, RuleIds.HealthCode, RuleIds.MapColour,
                RuleIds.QualityIndex, RuleIds.AssuredConsumption, RuleIds.InspectionFrequency],
            a.Explanations.Select(e => e.Rule));
        Assert.All(a.Explanations, e => Assert.Equal("test-1", e.RulesVersion));
        Assert.Equal("test-1", a.RulesVersion);
    }

    [Fact]
    public void Deferred_upgrade_colours_by_the_class_in_force()
    {
        var a = evaluator.Evaluate(new EnterpriseAssessmentInput
        {
            Facts = Good(true, true, true),
            ProductTiers = [ProductTier.Elevated],
            PreviousClass = new ClassState(EnterpriseClass.C, D("2026-01-01")),
            ClassHistory = [new(D("2026-01-01"), EnterpriseClass.C)],
            LastInspectedOn = D("2026-05-01"),
        });
        Assert.Equal(EnterpriseClass.AA, a.Conditions.Class);
        Assert.Equal((EnterpriseClass.C, ClassTransitionKind.UpgradeDeferred), (a.EffectiveClass, a.Class.Kind));
        Assert.Equal(FourColor.Red, a.HealthCode.Colour);
        Assert.Equal(FourColor.Red, a.MapColour.Colour);
        Assert.Equal(D("2026-08-01"), a.Inspection.DueOn);
        Assert.Equal(AssuredStatus.NotEligible, a.Assured.Status);
        Assert.Single(a.ClassHistory);
    }

    [Fact]
    public void Downgrade_revokes_assured_title_and_records_history()
    {
        var a = evaluator.Evaluate(new EnterpriseAssessmentInput
        {
            Facts = Good(true, false, false),
            PreviousClass = new ClassState(EnterpriseClass.AA, null),
            ClassHistory = [new(D("2020-01-01"), EnterpriseClass.AA)],
            AssuredGrant = new AssuredGrant(D("2026-01-01"), D("2026-12-31")),
        });
        Assert.Equal((EnterpriseClass.C, ClassTransitionKind.Downgraded, AsOf),
            (a.EffectiveClass, a.Class.Kind, a.Class.LastDowngradeOn!.Value));
        Assert.Equal(AssuredStatus.Revoked, a.Assured.Status);
        Assert.Equal(FourColor.Yellow, a.MapColour.Colour);
        Assert.Equal(70, a.QualityIndex.Index);
        Assert.Equal([EnterpriseClass.AA, EnterpriseClass.C], a.ClassHistory.Select(h => h.Class));
    }

    [Fact]
    public void Unbroken_class_A_keeps_its_start_for_the_assured_run()
    {
        var a = evaluator.Evaluate(new EnterpriseAssessmentInput
        {
            Facts = Good(true, true) with { Traceability = Traceability.Partial },
            PreviousClass = new ClassState(EnterpriseClass.A, null),
            ClassHistory = [new(D("2023-06-30"), EnterpriseClass.A)],
        });
        Assert.Equal((EnterpriseClass.A, ClassTransitionKind.Unchanged), (a.EffectiveClass, a.Class.Kind));
        Assert.Equal(AssuredStatus.Granted, a.Assured.Status);
        Assert.Equal(D("2023-06-30"), Assert.Single(a.ClassHistory).EffectiveFrom);
    }

    [Fact]
    public void Blacklisted_enterprise_is_red_everywhere()
    {
        var a = evaluator.Evaluate(
            new EnterpriseAssessmentInput { Facts = Good(true, true, true) with { Blacklisted = true } });
        Assert.Equal(EnterpriseClass.C, a.EffectiveClass);
        Assert.Equal((FourColor.Red, FourColor.Red), (a.HealthCode.Colour, a.MapColour.Colour));
        Assert.Equal(3, a.Inspection.IntervalMonths);
        Assert.Equal(AssuredStatus.NotEligible, a.Assured.Status);
    }
}
