using ProductQuality.Graph.Rules.Common;
using ProductQuality.Graph.Rules.Enterprises;
using static ProductQuality.Graph.Rules.Tests.Given;

namespace ProductQuality.Graph.Rules.Tests.Enterprises;

public class EnterpriseClassRuleTests
{
    private static readonly DateOnly AsOf = D("2026-06-30");
    private readonly EnterpriseClassRule rule = new(Options());

    internal static EnterpriseFacts Facts(int passed, int failed = 0, bool safetyFailed = false,
        Traceability trace = Traceability.Full, QualitySystem qs = QualitySystem.Certified, bool blacklisted = false,
        bool unlicensed = false, int penalties = 0)
    {
        var samplings = Enumerable.Range(0, passed).Select(i => new SamplingRecord(AsOf.AddDays(-30 * (i + 1)), true))
            .Concat(Enumerable.Range(0, failed)
                .Select(i => new SamplingRecord(AsOf.AddDays(-45 * (i + 1)), false, safetyFailed, $"P{i}")))
            .ToList();
        return new EnterpriseFacts
        {
            AsOf = AsOf, Samplings = samplings, Traceability = trace, QualitySystem = qs,
            Blacklisted = blacklisted, UnlicensedProductionFinding = unlicensed, PenaltiesInWindow = penalties,
        };
    }

    [Theory]
    [InlineData(0, 0, false, Traceability.Full, QualitySystem.Certified, false, false, 0, EnterpriseClass.B)]
    [InlineData(3, 0, false, Traceability.Full, QualitySystem.Certified, false, false, 0, EnterpriseClass.AA)]
    [InlineData(2, 0, false, Traceability.Full, QualitySystem.Certified, false, false, 0, EnterpriseClass.A)]
    [InlineData(4, 0, false, Traceability.Full, QualitySystem.Certified, false, false, 0, EnterpriseClass.AA)]
    [InlineData(3, 0, false, Traceability.Full, QualitySystem.Certified, false, false, 1, EnterpriseClass.A)]
    [InlineData(3, 0, false, Traceability.Partial, QualitySystem.Certified, false, false, 0, EnterpriseClass.A)]
    [InlineData(3, 0, false, Traceability.Full, QualitySystem.Established, false, false, 0, EnterpriseClass.A)]
    [InlineData(1, 0, false, Traceability.Partial, QualitySystem.Established, false, false, 5, EnterpriseClass.A)]
    [InlineData(3, 0, false, Traceability.None, QualitySystem.Certified, false, false, 0, EnterpriseClass.B)]
    [InlineData(3, 0, false, Traceability.Full, QualitySystem.None, false, false, 0, EnterpriseClass.B)]
    [InlineData(5, 1, false, Traceability.Full, QualitySystem.Certified, false, false, 0, EnterpriseClass.B)]
    [InlineData(5, 2, false, Traceability.Full, QualitySystem.Certified, false, false, 0, EnterpriseClass.C)]
    [InlineData(5, 3, false, Traceability.Full, QualitySystem.Certified, false, false, 0, EnterpriseClass.C)]
    [InlineData(5, 1, true, Traceability.Full, QualitySystem.None, false, false, 0, EnterpriseClass.C)]
    [InlineData(5, 1, true, Traceability.Full, QualitySystem.Established, false, false, 0, EnterpriseClass.B)]
    [InlineData(5, 0, false, Traceability.Full, QualitySystem.Certified, true, false, 0, EnterpriseClass.C)]
    [InlineData(5, 0, false, Traceability.Full, QualitySystem.Certified, false, true, 0, EnterpriseClass.C)]
    [InlineData(0, 0, false, Traceability.None, QualitySystem.None, true, false, 0, EnterpriseClass.C)]
    public void Class_from_conditions(int passed, int failed, bool safety, Traceability trace, QualitySystem qs,
        bool blacklisted, bool unlicensed, int penalties, EnterpriseClass expected)
    {
        var result = rule.Evaluate(Facts(passed, failed, safety, trace, qs, blacklisted, unlicensed, penalties));
        Assert.Equal(expected, result.Class);
        Assert.Equal(passed + failed, result.SamplingsInWindow);
        Assert.Equal(failed, result.FailuresInWindow);
        Assert.Equal(expected.Code(), result.Explanation.Outcome);
        Assert.Equal(RuleIds.EnterpriseClass, result.Explanation.Rule);
        Assert.NotEmpty(result.Reasons);
        Assert.StartsWith(expected.Label() + ": ", result.Explanation.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Summary_states_count_and_threshold()
    {
        var result = rule.Evaluate(Facts(3, 2));
        Assert.Equal("Class C (C类): 2 failed samplings (监督抽查不合格) in 3 years ≥ threshold 2", result.Explanation.Summary);
        Assert.Contains(result.Explanation.Factors,
            f => f.Value == "2" && f.Threshold == "C ≥ 2; B ≥ 1" && f.Effect == "class C");
    }

    [Fact]
    public void One_of_a_kind_is_counted_in_the_singular()
    {
        var summary = rule.Evaluate(Facts(1, penalties: 1)).Explanation.Summary;
        Assert.Contains("not AA: 1 sampling < 3 needed for AA", summary, StringComparison.Ordinal);
        Assert.Contains("not AA: 1 penalty (行政处罚)", summary, StringComparison.Ordinal);
        Assert.Contains("2 penalties (行政处罚)", rule.Evaluate(Facts(3, penalties: 2)).Explanation.Summary,
            StringComparison.Ordinal);
    }

    [Fact]
    public void No_history_is_B_with_that_reason()
    {
        var result = rule.Evaluate(Facts(0));
        Assert.Equal("Class B (B类): no sampling history (无监督抽查记录) in 3 years", result.Explanation.Summary);
    }

    // The window is [as-of − 3 years, as-of]: a failure dated exactly three years back counts.
    [Theory]
    [InlineData("2023-06-30", EnterpriseClass.C)]
    [InlineData("2023-06-29", EnterpriseClass.B)]
    [InlineData("2026-06-30", EnterpriseClass.C)]
    [InlineData("2026-07-01", EnterpriseClass.B)]
    public void Window_edges(string secondFailure, EnterpriseClass expected)
    {
        var facts = new EnterpriseFacts
        {
            AsOf = AsOf,
            Samplings = [new(D("2025-01-01"), false), new(D(secondFailure), false), new(D("2025-02-01"), true),
                new(D("2025-03-01"), true)],
            Traceability = Traceability.Full,
            QualitySystem = QualitySystem.Certified,
        };
        Assert.Equal(expected, rule.Evaluate(facts).Class);
    }

    [Theory]
    [InlineData(2, EnterpriseClass.B)]
    [InlineData(3, EnterpriseClass.C)]
    public void Failure_threshold_is_configurable(int failed, EnterpriseClass expected)
    {
        var custom = new EnterpriseClassRule(Options(o => o.EnterpriseClass.FailuresForC = 3));
        Assert.Equal(expected, custom.Evaluate(Facts(3, failed)).Class);
    }

    [Theory]
    [InlineData(3, EnterpriseClass.A)]
    [InlineData(4, EnterpriseClass.A)]
    [InlineData(5, EnterpriseClass.AA)]
    public void AA_sampling_minimum_is_configurable(int passed, EnterpriseClass expected)
    {
        var custom = new EnterpriseClassRule(Options(o => o.EnterpriseClass.MinSamplingsForAA = 5));
        Assert.Equal(expected, custom.Evaluate(Facts(passed)).Class);
    }
}
