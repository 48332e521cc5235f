using ProductQuality.Graph.Rules.Common;
using static ProductQuality.Graph.Rules.Common.ExplanationBuilder;

namespace ProductQuality.Graph.Rules.Enterprises;

/// <summary>
/// Quality safety index (产品质量安全指数): starts at 100 and loses points for failed samplings
/// in the class window (more for safety items and for repeat failures of the same product),
/// missing traceability or quality system, penalties and valid complaints; clamped at 0.
/// </summary>
public sealed class QualityIndexRule(RulesOptions options)
{
    private readonly QualityIndexOptions o = options.QualityIndex;

    /// <summary>Computes the index with every deduction listed.</summary>
    public QualityIndexResult Evaluate(EnterpriseFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var deductions = new List<IndexDeduction>();
        void Deduct(string reason, int points, FactGroup group)
        {
            if (points > 0)
            {
                deductions.Add(new IndexDeduction(reason, points, group));
            }
        }

        var years = options.EnterpriseClass.SamplingWindowYears;
        var failedProducts = new HashSet<string>(StringComparer.Ordinal);
        foreach (var s in SamplingWindow.Of(facts, years).Where(s => !s.Passed))
        {
            var on = Date(s.Date);
            var product = s.ProductId is null ? string.Empty : $" of product {s.ProductId}";
            Deduct($"failed sampling (监督抽查不合格){product} on {on}", o.FailedSampling, FactGroup.Inspections);
            if (s.SafetyItemFailed)
            {
                Deduct($"failed safety item (安全项目不合格) on {on}", o.SafetyItemExtra, FactGroup.Inspections);
            }

            if (s.ProductId is not null && !failedProducts.Add(s.ProductId))
            {
                Deduct($"repeat failure (屡查屡犯) of product {s.ProductId} on {on}", o.RepeatExtra, FactGroup.Inspections);
            }
        }

        Deduct($"traceability (追溯能力) {facts.Traceability.Label()}",
            facts.Traceability switch
            {
                Traceability.None => o.NoTraceability,
                Traceability.Partial => o.PartialTraceability,
                _ => 0,
            },
            FactGroup.ClassFactors);
        Deduct($"quality management system (质量管理体系) {facts.QualitySystem.Label()}",
            facts.QualitySystem switch
            {
                QualitySystem.None => o.NoQualitySystem,
                QualitySystem.Established => o.UncertifiedQualitySystem,
                _ => 0,
            },
            FactGroup.ClassFactors);
        Deduct(Inv($"{Counted(facts.PenaltiesInWindow, "penalty", "penalties")} (行政处罚) in {years} years")
            + Inv($" × {o.Penalty}"), facts.PenaltiesInWindow * o.Penalty, FactGroup.Enforcement);
        Deduct(Inv($"{Counted(facts.ValidComplaintsLastYear, "valid complaint", "valid complaints")} (有效投诉) ")
            + Inv($"in the last year × {o.ValidComplaint}, cap {o.ValidComplaintCap}"),
            Math.Min(o.ValidComplaintCap, facts.ValidComplaintsLastYear * o.ValidComplaint), FactGroup.Enforcement);

        var total = deductions.Sum(d => d.Points);
        var index = Math.Max(0, 100 - total);
        var x = new ExplanationBuilder(RuleIds.QualityIndex, options.Version);
        foreach (var d in deductions)
        {
            x.Factor(d.Group, d.Reason, Inv($"−{d.Points}"), null, "−" + Counted(d.Points, "point", "points"));
        }

        // The total adds up deductions of every kind present, so only a reader of all of them may see it.
        if (deductions.Count == 0)
        {
            x.Clause("no deductions", FactGroup.Health);
        }
        else
        {
            x.Clause(Inv($"100 − {total} in {Counted(deductions.Count, "deduction", "deductions")}")
                + (100 - total < 0 ? ", clamped at 0" : string.Empty),
                [.. deductions.Select(d => d.Group).Distinct()]);
        }

        return new QualityIndexResult(index, deductions,
            x.Build(Inv($"{index}"), Inv($"Quality safety index (产品质量安全指数) {index}")));
    }
}
