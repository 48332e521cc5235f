using ProductQuality.Graph.Rules.Common;
using ProductQuality.Graph.Rules.Supervision;
using static ProductQuality.Graph.Rules.Tests.Given;

namespace ProductQuality.Graph.Rules.Tests.Supervision;

/// <summary>
/// The caps for class C (default 4 months) and for makers of HIGH products (3 months) on top of the colour's
/// interval, the forms of inspection, and the campaign exclusions' validation.
/// </summary>
public class SupervisionByClassAndRiskTests
{
    private static readonly DateOnly AsOf = D("2026-06-30");
    private readonly InspectionFrequencyRule rule = new(Options());

    [Theory]
    [InlineData(FourColor.Yellow, EnterpriseClass.C, ProductTier.General, 4)] // C making only GENERAL: not 3
    [InlineData(FourColor.Red, EnterpriseClass.C, ProductTier.Elevated, 3)]
    [InlineData(FourColor.Red, EnterpriseClass.C, ProductTier.High, 3)]
    [InlineData(FourColor.Blue, EnterpriseClass.AA, ProductTier.High, 3)] // strict for every HIGH maker
    [InlineData(FourColor.Yellow, EnterpriseClass.A, ProductTier.High, 3)]
    [InlineData(FourColor.Yellow, EnterpriseClass.B, ProductTier.Elevated, 6)]
    [InlineData(FourColor.Green, EnterpriseClass.AA, ProductTier.Elevated, 24)]
    [InlineData(FourColor.Blue, EnterpriseClass.A, ProductTier.Elevated, 12)]
    public void Interval_by_class_and_risk(FourColor colour, EnterpriseClass cls, ProductTier tier, int months) =>
        Assert.Equal(months, rule.IntervalMonths(new SupervisionSubject(colour, cls, tier)));

    [Theory]
    [InlineData(5, 5)] // cap below the colour's 6 months: applies
    [InlineData(6, 6)] // at: the colour's interval, named as the colour's
    [InlineData(7, 6)] // above: the colour is stricter
    public void Class_c_cap_at_below_and_above_the_colour_interval(int cap, int months)
    {
        var custom = new InspectionFrequencyRule(Options(o => o.Supervision.ClassCMaxMonths = cap));
        var s = custom.Evaluate(new(FourColor.Yellow, EnterpriseClass.C, ProductTier.General), D("2026-01-01"), AsOf);
        Assert.Equal(months, s.IntervalMonths);
        Assert.Equal(cap < 6, s.Explanation.Summary.Contains("加严监管) for Class C", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(11, 11)]
    [InlineData(12, 12)]
    [InlineData(13, 12)]
    public void High_risk_cap_at_below_and_above_the_colour_interval(int cap, int months)
    {
        var custom = new InspectionFrequencyRule(Options(o => o.Supervision.HighRiskMakerMaxMonths = cap));
        var s = custom.Evaluate(new(FourColor.Blue, EnterpriseClass.AA, ProductTier.High), D("2026-01-01"), AsOf);
        Assert.Equal(months, s.IntervalMonths);
        Assert.Equal(cap < 12, s.Explanation.Summary.Contains("maker of HIGH", StringComparison.Ordinal));
    }

    [Fact]
    public void The_same_caps_make_a_general_c_as_strict_as_a_high_risk_maker_only_when_the_bureau_says_so()
    {
        var equal = new InspectionFrequencyRule(Options(o => o.Supervision.ClassCMaxMonths = 3));
        Assert.Equal(3,
            equal.IntervalMonths(new SupervisionSubject(FourColor.Yellow, EnterpriseClass.C, ProductTier.General)));
    }

    [Theory]
    [InlineData(EnterpriseClass.AA, ProductTier.General, new[] { InspectionForm.Sampling })]
    [InlineData(EnterpriseClass.B, ProductTier.Elevated, new[] { InspectionForm.Sampling })]
    [InlineData(EnterpriseClass.A, ProductTier.High, new[] { InspectionForm.Sampling, InspectionForm.OnSiteCheck })]
    [InlineData(EnterpriseClass.C, ProductTier.General,
        new[] { InspectionForm.Sampling, InspectionForm.OnSiteCheck, InspectionForm.QmsAudit })]
    public void Forms_by_class_and_risk(EnterpriseClass cls, ProductTier tier, InspectionForm[] forms) =>
        Assert.Equal(forms, rule.Forms(new SupervisionSubject(FourColor.Yellow, cls, tier)));

    [Fact]
    public void On_site_checks_from_class_b_when_the_bureau_says_so()
    {
        var custom = new InspectionFrequencyRule(Options(o => o.Supervision.OnSiteCheckFromClass = EnterpriseClass.B));
        Assert.Equal([InspectionForm.Sampling, InspectionForm.OnSiteCheck],
            custom.Forms(new SupervisionSubject(FourColor.Blue, EnterpriseClass.B, ProductTier.General)));
        Assert.Equal([InspectionForm.Sampling],
            custom.Forms(new SupervisionSubject(FourColor.Blue, EnterpriseClass.A, ProductTier.General)));
    }

    [Fact]
    public void The_explanation_tags_each_fact_with_its_group()
    {
        var s = rule.Evaluate(new(FourColor.Blue, EnterpriseClass.AA, ProductTier.High), null, AsOf);
        Assert.Equal("Inspect every 3 months", s.Explanation.Headline);
        var basis = s.Explanation.Clauses![0];
        Assert.Contains(FactGroup.ProductTiers, basis.Groups);
        Assert.Equal(FactGroup.Class,
            s.Explanation.Factors.Single(f => f.Name.StartsWith("enterprise class", StringComparison.Ordinal)).Group);
    }

    [Fact]
    public void A_campaign_needs_a_window_in_order_and_something_to_cover()
    {
        var errors = Options(o => o.Supervision.Exclusions.Add(new CampaignExclusion
        {
            Name = "x", From = D("2027-02-01"), To = D("2027-01-01"),
        })).Validate();
        Assert.Contains(errors, e => e.Contains("To must not be before From", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("at least one credit code or product code", StringComparison.Ordinal));
        var ok = new CampaignExclusion
        {
            Name = "x", From = D("2027-01-01"), To = D("2027-01-31"), ProductCodes = ["P1"],
        };
        Assert.Equal((false, true, true, false),
            (ok.Covers(D("2026-12-31")), ok.Covers(D("2027-01-01")), ok.Covers(D("2027-01-31")),
                ok.Covers(D("2027-02-01"))));
    }
}
