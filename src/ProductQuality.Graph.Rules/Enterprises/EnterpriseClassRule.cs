using ProductQuality.Graph.Rules.Common;
using static ProductQuality.Graph.Rules.Common.ExplanationBuilder;

namespace ProductQuality.Graph.Rules.Enterprises;

/// <summary>
/// The enterprise class (企业分类) its conditions call for: C, then AA, then A are tested
/// in that order and B is what remains — so an enterprise with no sampling history is B.
/// The sampling window is [as-of − N years, as-of], both ends inclusive.
/// </summary>
public sealed class EnterpriseClassRule(RulesOptions options)
{
    private readonly EnterpriseClassOptions o = options.EnterpriseClass;

    /// <summary>Evaluates the class from the facts alone (no history, no override).</summary>
    public EnterpriseClassResult Evaluate(EnterpriseFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var x = new ExplanationBuilder(RuleIds.EnterpriseClass, options.Version);
        var window = SamplingWindow.Of(facts, o.SamplingWindowYears);
        var failures = window.Count(s => !s.Passed);
        var safetyFailure = window.Any(s => !s.Passed && s.SafetyItemFailed);
        var years = o.SamplingWindowYears;

        // Each reason is tagged with the kind of fact it states: readers without that group see the class alone.
        var c = new List<SummaryClause>();
        if (facts.Blacklisted) c.Add(Tag("blacklisted (列入黑名单)", FactGroup.BlacklistStatus));
        if (failures >= o.FailuresForC) c.Add(Tag(
            Counted(failures, "failed sampling", "failed samplings")
                + Inv($" (监督抽查不合格) in {years} years ≥ threshold {o.FailuresForC}"),
            FactGroup.ClassFactors));
        if (safetyFailure && facts.QualitySystem == QualitySystem.None) c.Add(Tag(
            "failed safety item (安全项目不合格) with no quality management system (质量管理体系)",
            FactGroup.ClassFactors));
        if (facts.UnlicensedProductionFinding) c.Add(Tag(
            "finding of unlicensed production (无证生产)", FactGroup.Enforcement));

        var b = new List<SummaryClause>();
        if (failures > 0 && failures < o.FailuresForC) b.Add(Tag(
            Counted(failures, "failed sampling", "failed samplings") + Inv($" (监督抽查不合格) in {years} years"),
            FactGroup.ClassFactors));
        if (window.Count == 0) b.Add(Tag(
            Inv($"no sampling history (无监督抽查记录) in {years} years"), FactGroup.ClassFactors));
        if (facts.Traceability == Traceability.None) b.Add(Tag("no traceability (无追溯能力)", FactGroup.ClassFactors));
        if (facts.QualitySystem == QualitySystem.None) b.Add(Tag(
            "no quality management system (未建立质量管理体系)", FactGroup.ClassFactors));

        var aaMissing = new List<SummaryClause>();
        if (window.Count < o.MinSamplingsForAA) aaMissing.Add(Tag(
            "not AA: " + Counted(window.Count, "sampling", "samplings")
                + Inv($" < {o.MinSamplingsForAA} needed for AA"),
            FactGroup.ClassFactors));
        if (facts.QualitySystem != QualitySystem.Certified) aaMissing.Add(Tag(
            "not AA: quality management system not certified (未通过认证)", FactGroup.ClassFactors));
        if (facts.Traceability != Traceability.Full) aaMissing.Add(Tag(
            "not AA: traceability not full (非全程可追溯)", FactGroup.ClassFactors));
        if (facts.PenaltiesInWindow > 0) aaMissing.Add(Tag(
            "not AA: " + Counted(facts.PenaltiesInWindow, "penalty", "penalties") + " (行政处罚)", FactGroup.Enforcement));

        EnterpriseClass cls;
        List<SummaryClause> reasons;
        if (c.Count > 0)
        {
            (cls, reasons) = (EnterpriseClass.C, c);
        }
        else if (b.Count > 0)
        {
            (cls, reasons) = (EnterpriseClass.B, b);
        }
        else if (aaMissing.Count == 0)
        {
            (cls, reasons) = (EnterpriseClass.AA, [
                Tag(Inv($"no failure in {years} years over {window.Count} samplings (≥ {o.MinSamplingsForAA}), ")
                    + "certified quality management system (质量管理体系认证), full traceability (全程可追溯)",
                    FactGroup.ClassFactors),
                Tag("no penalty (无行政处罚)", FactGroup.Enforcement)]);
        }
        else
        {
            (cls, reasons) = (EnterpriseClass.A, [
                Tag(Inv($"no failure in {years} years, quality management system (质量管理体系), traceability (追溯能力)"),
                    FactGroup.ClassFactors),
                .. aaMissing]);
        }

        x.Factor(FactGroup.ClassFactors, Inv($"samplings (监督抽查) in {years} years"), Inv($"{window.Count}"),
            Inv($"AA needs ≥ {o.MinSamplingsForAA}; none → B"), window.Count == 0 ? "class B" : "counted");
        x.Factor(FactGroup.ClassFactors, Inv($"failed samplings (不合格) in {years} years"), Inv($"{failures}"),
            Inv($"C ≥ {o.FailuresForC}; B ≥ 1"),
            failures >= o.FailuresForC ? "class C" : failures > 0 ? "class B" : "none");
        x.Factor(FactGroup.ClassFactors, "failed safety item (安全项目不合格)", safetyFailure ? "yes" : "no", null,
            safetyFailure && facts.QualitySystem == QualitySystem.None ? "class C (no quality system)" : "none");
        x.Factor(FactGroup.ClassFactors, "traceability (追溯能力)", facts.Traceability.Label(), "A needs partial, AA full",
            facts.Traceability == Traceability.None ? "class B" : "none");
        x.Factor(FactGroup.ClassFactors, "quality management system (质量管理体系)", facts.QualitySystem.Label(),
            "A needs established, AA certified", facts.QualitySystem == QualitySystem.None ? "class B" : "none");
        x.Factor(FactGroup.BlacklistStatus, "blacklisted (黑名单)", facts.Blacklisted ? "yes" : "no", null,
            facts.Blacklisted ? "class C" : "none");
        // The finding counts for the sampling window, as penalties do: the factor says so, or an enterprise whose
        // finding left the window read "unlicensed production: no" with nothing to say why.
        x.Factor(FactGroup.Enforcement, Inv($"unlicensed production (无证生产) in {years} years"),
            facts.UnlicensedProductionFinding ? "yes" : "no", null,
            facts.UnlicensedProductionFinding ? "class C" : "none");
        x.Factor(FactGroup.Enforcement, Inv($"penalties (行政处罚) in {years} years"), Inv($"{facts.PenaltiesInWindow}"),
            "AA needs 0", facts.PenaltiesInWindow > 0 ? "not AA" : "none");
        foreach (var reason in reasons)
        {
            x.Clause(reason.Text, [.. reason.Groups]);
        }

        return new EnterpriseClassResult(
            cls, reasons.Select(r => r.Text).ToArray(), window.Count, failures, x.Build(cls.Code(), cls.Label()));
    }

    private static SummaryClause Tag(string text, FactGroup group) => new(text, [group]);
}
