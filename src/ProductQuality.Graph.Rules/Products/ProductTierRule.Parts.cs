using ProductQuality.Graph.Rules.Common;
using static ProductQuality.Graph.Rules.Common.ExplanationBuilder;

namespace ProductQuality.Graph.Rules.Products;

/// <summary>The parts of the risk score, each stating its inputs where it weighs them.</summary>
public sealed partial class ProductTierRule
{
    // A failed safety item counts in full, a batch that failed labelling or general items only by the factor: a wrong
    // label is a failure, but not the hazard a failed insulation test is.
    private decimal NonconformityPoints(ProductRiskFacts facts, ExplanationBuilder x)
    {
        const string name = "nonconformity rate (不合格率) in 3 years";
        if (facts.SampledBatches <= 0)
        {
            x.Factor(FactGroup.CityInspections, name, "no sampling data", null, "+0 points");
            return 0;
        }

        var safety = Math.Clamp(facts.SafetyFailedBatches, 0, facts.FailedBatches);
        var other = facts.FailedBatches - safety;
        var ratePercent = 100m * (safety + (other * o.LabellingFailureFactor)) / facts.SampledBatches;
        var points = Math.Min(1m, ratePercent / o.NonconformityPercentForFullWeight) * o.NonconformityWeight;
        var value = Inv($"{facts.FailedBatches}/{facts.SampledBatches} failed ({safety} safety items, ")
            + Inv($"{other} labelling or general items ×{Number(o.LabellingFailureFactor)}) = ")
            + Inv($"{Percent(Math.Round(ratePercent, 2))} weighted");
        // The counts are the makers' sampling results (one maker's, for a product with one): inspection facts. The
        // points they earn are the tier's, and the summary states them.
        x.Factor(FactGroup.CityInspections, name, value,
            Inv($"full {Number(o.NonconformityWeight)} points at {Percent(o.NonconformityPercentForFullWeight)}"),
            "+" + Counted(Down(points), "point", "points"));
        return points;
    }

    // Each signal in the window is a factor of its own, named by source and reference, so a reader can look it up.
    private (decimal Points, List<string> Named) SignalPoints(
        ProductRiskFacts facts, DateOnly asOf, ExplanationBuilder x)
    {
        var counted = facts.Signals.Where(s => SignalCounts(s.PublishedOn, asOf))
            .OrderBy(s => s.PublishedOn).ThenBy(s => s.Source, StringComparer.Ordinal)
            .ThenBy(s => s.Reference, StringComparer.Ordinal)
            .ToList();
        var named = new List<string>(counted.Count);
        decimal sum = 0;
        foreach (var s in counted)
        {
            var points = PointsFor(s.Severity);
            sum += points;
            named.Add(Inv($"{s.Source} {s.Reference}"));
            x.Factor(FactGroup.ProductTiers, Inv($"risk signal (风险信号): {s.Source} {s.Reference}"),
                Inv($"{s.Severity.ToString().ToUpperInvariant()}, published {Date(s.PublishedOn)}"), null,
                Inv($"+{Number(points)}"));
        }

        var total = Math.Min(o.SignalsWeight, sum);
        x.Factor(FactGroup.ProductTiers,
            Inv($"external risk signals (国内外风险预警/召回) in {o.SignalWindowYears} years"), Inv($"{counted.Count}"),
            Inv($"serious {Number(o.SeriousSignalPoints)}, high {Number(o.HighSignalPoints)}, ")
                + Inv($"medium {Number(o.MediumSignalPoints)}, low {Number(o.LowSignalPoints)} each, ")
                + Inv($"cap {Number(o.SignalsWeight)}"),
            "+" + Counted(Down(total), "point", "points"));
        return (total, named);
    }

    // A part's points as shown: rounded down to two decimals, as the score is to one, so the parts a summary states
    // never add up to a threshold the exact sum does not reach (a nonconformity part of 30.969 read "30.97").
    private static decimal Down(decimal points) => Math.Round(points, 2, MidpointRounding.ToZero);

    private static string Part(decimal points) => Number(Down(points));

    private decimal PointsFor(SignalSeverity severity) => severity switch
    {
        SignalSeverity.Serious => o.SeriousSignalPoints,
        SignalSeverity.High => o.HighSignalPoints,
        SignalSeverity.Medium => o.MediumSignalPoints,
        _ => o.LowSignalPoints,
    };

    // The city's bulletins restate its own failures (already in the nonconformity part): counted apart, lightly.
    private decimal BulletinPoints(ProductRiskFacts facts, ExplanationBuilder x)
    {
        var points = Math.Min(o.BulletinsWeight, facts.CityBulletins * o.PointsPerBulletin);
        x.Factor(FactGroup.CityWarnings, Inv($"city risk warning bulletins (本市警情通报) in {o.BulletinWindowYears} years"),
            Inv($"{facts.CityBulletins}"), Inv($"{Number(o.PointsPerBulletin)} each, cap {Number(o.BulletinsWeight)}"),
            "+" + Counted(Down(points), "point", "points"));
        return points;
    }

    private decimal TraitPoints(ProductRiskFacts facts, ExplanationBuilder x)
    {
        decimal Flag(bool on, decimal points, string name)
        {
            x.Factor(FactGroup.ProductTiers, name, on ? "yes" : "no", null,
                "+" + Counted(on ? points : 0, "point", "points"));
            return on ? points : 0;
        }

        var sum = Flag(facts.LicenceRequired, o.LicencePoints, "production licence required (生产许可证管理)")
            + Flag(facts.CccRequired, o.CccPoints, "compulsory certification (CCC 强制性认证)");
        var grade = facts.NationalGrade switch
        {
            NationalRiskGrade.I => o.NationalGradeIPoints,
            NationalRiskGrade.II => o.NationalGradeIIPoints,
            _ => 0,
        };
        x.Factor(FactGroup.ProductTiers, "national catalogue grade (全国目录风险等级)",
            facts.NationalGrade?.ToString() ?? "not graded",
            Inv($"Ⅰ {Number(o.NationalGradeIPoints)}, Ⅱ {Number(o.NationalGradeIIPoints)}, Ⅲ 0"),
            "+" + Counted(grade, "point", "points"));
        sum += grade;
        var total = Math.Min(o.TraitsWeight, sum);
        x.Factor(FactGroup.ProductTiers, "product traits (产品特点) total", Number(sum),
            Inv($"cap {Number(o.TraitsWeight)}"), "+" + Counted(Down(total), "point", "points"));
        return total;
    }

    private decimal SensitivityPoints(ProductRiskFacts facts, ExplanationBuilder x)
    {
        decimal Flag(bool on, decimal points, string name)
        {
            x.Factor(FactGroup.ProductTiers, name, on ? "yes" : "no", null,
                on ? "+" + Counted(points, "point", "points") : "+0 points");
            return on ? points : 0;
        }

        var sum = Flag(facts.ForChildren, o.ChildrenPoints, "used by children (儿童用品)")
            + Flag(facts.ForElderly, o.ElderlyPoints, "used by the elderly (老年人用品)")
            + Flag(facts.SafetyCritical, o.SafetyCriticalPoints,
                "safety-critical: electrical, gas, pressure (涉及电气、燃气、承压安全)")
            + Flag(facts.FoodContact, o.FoodContactPoints, "food contact (食品接触)");
        var complaints = Math.Min(o.ComplaintPointsCap, facts.Complaints * o.PointsPerComplaint);
        // Valid complaints are enforcement facts (one maker's, for a product with one), and the total holds them.
        x.Factor(FactGroup.CityEnforcement, "public complaints (投诉举报)", Inv($"{facts.Complaints}"),
            Inv($"{Number(o.PointsPerComplaint)} each, cap {Number(o.ComplaintPointsCap)}"),
            "+" + Counted(complaints, "point", "points"));
        sum += complaints;
        x.Factor(FactGroup.CityEnforcement, "sensitivity (敏感因子) total", Number(sum),
            Inv($"cap {Number(o.SensitivityWeight)}"),
            "+" + Counted(Down(Math.Min(sum, o.SensitivityWeight)), "point", "points"));
        return sum;
    }
}
