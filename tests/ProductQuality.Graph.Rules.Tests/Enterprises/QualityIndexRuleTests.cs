using ProductQuality.Graph.Rules.Common;
using ProductQuality.Graph.Rules.Enterprises;
using static ProductQuality.Graph.Rules.Tests.Given;

namespace ProductQuality.Graph.Rules.Tests.Enterprises;

public class QualityIndexRuleTests
{
    private static readonly DateOnly AsOf = D("2026-06-30");
    private readonly QualityIndexRule rule = new(Options());

    private static EnterpriseFacts Facts(SamplingRecord[]? samplings = null, Traceability trace = Traceability.Full,
        QualitySystem qs = QualitySystem.Certified, int penalties = 0, int complaints = 0) => new()
    {
        AsOf = AsOf, Samplings = samplings ?? [new(D("2026-01-01"), true)], Traceability = trace, QualitySystem = qs,
        PenaltiesInWindow = penalties, ValidComplaintsLastYear = complaints,
    };

    public static TheoryData<EnterpriseFacts, int, int> Cases => new()
    {
        { Facts(), 100, 0 },
        { Facts([new(D("2026-01-01"), false, false, "P1")]), 90, 1 },
        { Facts([new(D("2026-01-01"), false, true, "P1")]), 80, 2 },
        { Facts([new(D("2025-01-01"), false, false, "P1"), new(D("2026-01-01"), false, false, "P2")]), 80, 2 },
        { Facts([new(D("2025-01-01"), false, false, "P1"), new(D("2026-01-01"), false, false, "P1")]), 70, 3 },
        { Facts([new(D("2025-01-01"), false, true, "P1"), new(D("2026-01-01"), false, true, "P1")]), 50, 5 },
        { Facts([new(D("2023-06-29"), false, true, "P1")]), 100, 0 },
        { Facts([new(D("2023-06-30"), false, false, "P1")]), 90, 1 },
        { Facts(trace: Traceability.Partial), 95, 1 },
        { Facts(trace: Traceability.None), 90, 1 },
        { Facts(qs: QualitySystem.Established), 95, 1 },
        { Facts(qs: QualitySystem.None), 85, 1 },
        { Facts(penalties: 2), 80, 1 },
        { Facts(complaints: 3), 94, 1 },
        { Facts(complaints: 5), 90, 1 },
        { Facts(complaints: 6), 90, 1 },
        { Facts(trace: Traceability.None, qs: QualitySystem.None, penalties: 1, complaints: 1), 63, 4 },
        { Facts(Enumerable.Range(1, 3).Select(i => new SamplingRecord(D("2026-01-01").AddDays(i), false, true, "P1"))
            .ToArray()), 20, 8 },
        { Facts(Enumerable.Range(1, 4).Select(i => new SamplingRecord(D("2026-01-01").AddDays(i), false, true, "P1"))
            .ToArray()), 0, 11 },
        { Facts(Enumerable.Range(1, 9).Select(i => new SamplingRecord(D("2026-01-01").AddDays(i), false, true, "P1"))
            .ToArray(), penalties: 3), 0, 27 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Index_and_deductions(EnterpriseFacts facts, int index, int deductions)
    {
        var r = rule.Evaluate(facts);
        Assert.Equal(index, r.Index);
        Assert.Equal(deductions, r.Deductions.Count);
        Assert.Equal(deductions, r.Explanation.Factors.Count);
        Assert.Equal(RuleIds.QualityIndex, r.Explanation.Rule);
        Assert.Equal(index.ToString(System.Globalization.CultureInfo.InvariantCulture), r.Explanation.Outcome);
    }

    [Fact]
    public void Each_deduction_is_listed_with_its_reason()
    {
        var r = rule.Evaluate(Facts([new(D("2025-01-01"), false, false, "P1"), new(D("2026-01-01"), false, true, "P1")],
            trace: Traceability.Partial));
        Assert.Equal(
            [
                ("failed sampling (监督抽查不合格) of product P1 on 2025-01-01", 10),
                ("failed sampling (监督抽查不合格) of product P1 on 2026-01-01", 10),
                ("failed safety item (安全项目不合格) on 2026-01-01", 10),
                ("repeat failure (屡查屡犯) of product P1 on 2026-01-01", 10),
                ("traceability (追溯能力) partial (部分可追溯)", 5),
            ],
            r.Deductions.Select(d => (d.Reason, d.Points)));
        Assert.Equal("Quality safety index (产品质量安全指数) 55: 100 − 45 in 5 deductions", r.Explanation.Summary);
    }

    [Fact]
    public void Clamp_is_stated()
    {
        var r = rule.Evaluate(Facts(penalties: 11));
        Assert.Equal(0, r.Index);
        Assert.EndsWith("100 − 110 in 1 deduction, clamped at 0", r.Explanation.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void One_of_a_kind_is_counted_in_the_singular()
    {
        var r = rule.Evaluate(Facts(penalties: 1, complaints: 1));
        Assert.Equal(
            [
                ("1 penalty (行政处罚) in 3 years × 10", 10),
                ("1 valid complaint (有效投诉) in the last year × 2, cap 10", 2),
            ],
            r.Deductions.Select(d => (d.Reason, d.Points)));
        Assert.Contains("2 penalties (行政处罚)", rule.Evaluate(Facts(penalties: 2)).Deductions[0].Reason,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Deduction_sizes_come_from_options()
    {
        var custom = new QualityIndexRule(Options(o => o.QualityIndex.FailedSampling = 25));
        Assert.Equal(75, custom.Evaluate(Facts([new(D("2026-01-01"), false)])).Index);
    }
}
