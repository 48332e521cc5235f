using ProductQuality.Graph.Rules.Blacklist;
using ProductQuality.Graph.Rules.Enterprises;

namespace ProductQuality.Graph.Rules.Timeline;

/// <summary>
/// Everything the regulator has recorded about one enterprise, in date order (then in the order recorded): the
/// input of a replay. The data set generator builds it from its drafts, the re-evaluator from the database, so
/// seeded and live data go through the same replay.
/// </summary>
/// <param name="ActiveFrom">First day of its supervised history (the first management record).</param>
/// <param name="ProductCodes">The key products it makes.</param>
public sealed record EnterpriseFactSet(
    DateOnly ActiveFrom,
    IReadOnlyList<string> ProductCodes,
    IReadOnlyList<ManagementFact> Management,
    IReadOnlyList<SamplingRecord> Samplings,
    IReadOnlyList<DecisionFact> Decisions,
    IReadOnlyList<DateOnly> Complaints,
    IReadOnlyList<ClassOverrideFact> ClassOverrides,
    IReadOnlyList<BlacklistDecisionFact> BlacklistDecisions)
{
    /// <summary>The years a valid complaint (有效投诉) counts for: the window (day − 1 year, day].</summary>
    public const int ComplaintWindowYears = 1;

    /// <summary>The failures, rectification orders and serious violations the blacklist rule looks at.</summary>
    public BlacklistFacts BlacklistFacts() => new()
    {
        AsOf = ActiveFrom,
        FailedSamplings = Samplings.Where(s => !s.Passed)
            .Select(s => new FailedSampling(s.ProductId ?? string.Empty, s.Date)).ToList(),
        RectificationOrders = Samplings.Where(s => s.RectificationOrderedOn is not null)
            .Select(s => new RectificationOrder(s.ProductId ?? string.Empty, s.RectificationOrderedOn!.Value)).ToList(),
        Decisions = Decisions.Where(d => d.SeriousViolation is not null)
            .Select(d => new SeriousViolationDecision(d.Number, d.Date, d.SeriousViolation!.Value)).ToList(),
    };

    /// <summary>
    /// What the class and index rules read on a day: the management record in force, decisions in the sampling window,
    /// complaints of the last year. The replay and the data set generator's supervisor both ask this, so they agree.
    /// </summary>
    public EnterpriseFacts FactsOn(DateOnly asOf, int windowYears, bool listed)
    {
        var management = InForce.LatestOrFirst(Management, m => m.Date, asOf)!;
        var from = asOf.AddYears(-windowYears);
        return new EnterpriseFacts
        {
            AsOf = asOf,
            Samplings = Samplings,
            Traceability = management.Traceability,
            QualitySystem = management.QualitySystem,
            Blacklisted = listed,
            UnlicensedProductionFinding = Decisions.Any(d =>
                d.Kind == EnforcementKind.UnlicensedProduction && d.Date >= from && d.Date <= asOf),
            PenaltiesInWindow = Decisions.Count(d => d.Date >= from && d.Date <= asOf),
            ValidComplaintsLastYear = Complaints.Count(c => c > asOf.AddYears(-ComplaintWindowYears) && c <= asOf),
        };
    }

    /// <summary>Dates of violations — failed samplings and every decision — that a removal counts.</summary>
    public IReadOnlyList<DateOnly> Violations() =>
        Samplings.Where(s => !s.Passed).Select(s => s.Date).Concat(Decisions.Select(d => d.Date)).ToList();

    /// <summary>
    /// The days an outcome can change without another fact: each fact's date, the day it leaves its window (the
    /// sampling window, a year for a complaint), and the day after a manual override's last day.
    /// </summary>
    public IEnumerable<DateOnly> DatesToVisit(int windowYears)
    {
        foreach (var m in Management) yield return m.Date;
        foreach (var s in Samplings)
        {
            yield return s.Date;
            yield return InForce.LeavesWindow(s.Date, windowYears);
        }

        foreach (var d in Decisions)
        {
            yield return d.Date;
            yield return InForce.LeavesWindow(d.Date, windowYears);
        }

        foreach (var c in Complaints)
        {
            yield return c;
            yield return InForce.LeavesOpenWindow(c, ComplaintWindowYears);
        }

        foreach (var o in ClassOverrides)
        {
            yield return o.From;
            yield return InForce.EndsAfter(o.ExpiresOn);
        }

        foreach (var d in BlacklistDecisions) yield return d.Date;
    }
}
