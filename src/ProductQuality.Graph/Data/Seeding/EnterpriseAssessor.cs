using ProductQuality.Graph.Enforcement;
using ProductQuality.Graph.Enterprises;
using ProductQuality.Graph.Rules;
using ProductQuality.Graph.Rules.Assessment;
using ProductQuality.Graph.Rules.Blacklist;
using ProductQuality.Graph.Rules.Enterprises;

namespace ProductQuality.Graph.Data.Seeding;

/// <summary>
/// Replays one enterprise's facts in date order through the same rules as live data: on every fact date,
/// on every date a fact leaves its window, on the day a deferred upgrade, a listing's rectification period
/// or an assured grant runs out, and on today. Previous class, class history and grant carry between runs,
/// so the upgrade/downgrade principle holds. A record is stored whenever an outcome changes.
/// </summary>
internal sealed class EnterpriseAssessor(RulesOptions rules, ProductTierTimeline tiers, DateOnly today)
{
    private readonly EnterpriseEvaluator evaluator = new(rules);
    private readonly BlacklistRule blacklistRule = new(rules);
    private readonly int window = rules.EnterpriseClass.SamplingWindowYears;

    public AssessedEnterprise Assess(EnterpriseDraft draft, IReadOnlyList<string> decisionNumbers, Func<string, string> productName, NumberSequences numbers)
    {
        var samplings = draft.Samplings.Select(s => new SamplingRecord(s.Date, s.Passed, s.SafetyItemFailed, s.ProductCode)).ToList();
        var serious = draft.Decisions.Select((d, i) => (d, i)).Where(x => x.d.Kind != EnforcementKind.Penalty)
            .Select(x => new SeriousViolationDecision(decisionNumbers[x.i], x.d.Date, ToReason(x.d.Kind))).ToList();
        var blacklistFacts = new BlacklistFacts
        {
            AsOf = draft.ActiveFrom,
            FailedSamplings = draft.Samplings.Where(s => !s.Passed).Select(s => new FailedSampling(s.ProductCode, s.Date)).ToList(),
            RectificationOrders = draft.Samplings.Where(s => s.RectificationOrderedOn is not null)
                .Select(s => new RectificationOrder(s.ProductCode, s.RectificationOrderedOn!.Value)).ToList(),
            Decisions = serious,
        };
        var violations = blacklistFacts.FailedSamplings.Select(f => f.Date).Concat(draft.Decisions.Select(d => d.Date)).ToList();
        var blacklist = new BlacklistTracker(blacklistRule, blacklistFacts, violations, numbers);
        var assured = new AssuredTracker();
        var reasons = new ReasonWriter(draft, window, productName);

        var queue = new SortedSet<DateOnly>(FactDates(draft).Where(d => d >= draft.ActiveFrom && d <= today)) { today, draft.ActiveFrom };
        var records = new List<EnterpriseAssessmentRecord>();
        var snapshots = new List<StateSnapshot>();
        ClassState? previous = null;
        IReadOnlyList<Rules.Assured.ClassChange> history = [];
        EnterpriseAssessment? last = null;
        while (queue.Count > 0)
        {
            var asOf = queue.Min;
            queue.Remove(asOf);
            Revisit(queue, asOf, blacklist.Update(asOf));
            var management = draft.Management.Last(m => m.Date <= asOf);
            var from = asOf.AddYears(-window);
            var facts = new EnterpriseFacts
            {
                AsOf = asOf,
                Samplings = samplings,
                Traceability = management.Traceability,
                QualitySystem = management.QualitySystem,
                Blacklisted = blacklist.Listed,
                UnlicensedProductionFinding = draft.Decisions.Any(d => d.Kind == EnforcementKind.UnlicensedProduction && d.Date >= from && d.Date <= asOf),
                PenaltiesInWindow = draft.Decisions.Count(d => d.Date >= from && d.Date <= asOf),
                ValidComplaintsLastYear = draft.Complaints.Count(c => c.Date > asOf.AddYears(-1) && c.Date <= asOf),
            };
            var assessment = evaluator.Evaluate(new EnterpriseAssessmentInput
            {
                Facts = facts,
                ProductTiers = draft.ProductCodes.Select(p => tiers.TierOn(p, asOf)).ToList(),
                PreviousClass = previous,
                ClassHistory = history,
                AssuredGrant = assured.Grant,
                LastInspectedOn = draft.Samplings.LastOrDefault(s => s.Date <= asOf)?.Date,
            });
            previous = assessment.Class.ToState();
            history = assessment.ClassHistory;
            Revisit(queue, asOf, assessment.Class.UpgradeDeferredUntil);
            Revisit(queue, asOf, assured.Update(asOf, assessment.Assured));
            if (last is null || Changed(last, assessment))
            {
                records.Add(ToRecord(assessment, reasons.For(asOf, last is null, blacklist.Events)));
            }

            var snapshot = new StateSnapshot(asOf, assessment.EffectiveClass, assessment.MapColour.Colour, assessment.QualityIndex.Index, assessment.MapColour.HighestTier);
            if (snapshots.Count == 0 || snapshots[^1] with { From = asOf } != snapshot)
            {
                snapshots.Add(snapshot);
            }

            last = assessment;
        }

        return new AssessedEnterprise(last!, history[^1].EffectiveFrom, blacklist.Listed, blacklist.ListedOn, assured.Grant,
            records, blacklist.Events, assured.Events, snapshots);
    }

    private IEnumerable<DateOnly> FactDates(EnterpriseDraft draft)
    {
        foreach (var m in draft.Management) yield return m.Date;
        foreach (var s in draft.Samplings)
        {
            yield return s.Date;
            yield return s.Date.AddYears(window).AddDays(1);
        }

        foreach (var d in draft.Decisions)
        {
            yield return d.Date;
            yield return d.Date.AddYears(window).AddDays(1);
        }

        foreach (var c in draft.Complaints)
        {
            yield return c.Date;
            yield return c.Date.AddYears(1);
        }
    }

    private void Revisit(SortedSet<DateOnly> queue, DateOnly asOf, DateOnly? when)
    {
        if (when is { } d && d > asOf && d <= today)
        {
            queue.Add(d);
        }
    }

    private static bool Changed(EnterpriseAssessment a, EnterpriseAssessment b) =>
        a.EffectiveClass != b.EffectiveClass || a.HealthCode.Colour != b.HealthCode.Colour ||
        a.MapColour.Colour != b.MapColour.Colour || a.QualityIndex.Index != b.QualityIndex.Index;

    private EnterpriseAssessmentRecord ToRecord(EnterpriseAssessment a, string reason) => new()
    {
        EffectiveFrom = a.AsOf,
        Class = a.EffectiveClass,
        HealthCode = a.HealthCode.Colour,
        MapColour = a.MapColour.Colour,
        QualityIndex = a.QualityIndex.Index,
        Reason = reason,
        ClassExplanation = ExplanationJson.Serialize(new[] { a.Conditions.Explanation, a.Class.Explanation, a.HealthCode.Explanation, a.MapColour.Explanation }),
        IndexExplanation = ExplanationJson.Serialize(a.QualityIndex.Explanation),
        RulesVersion = rules.Version,
        RecordedAtUtc = Stamp.At(a.AsOf, 6),
    };

    private static BlacklistReason ToReason(EnforcementKind kind) => kind switch
    {
        EnforcementKind.UnlicensedProduction => BlacklistReason.UnlicensedProduction,
        EnforcementKind.Counterfeiting => BlacklistReason.Counterfeiting,
        EnforcementKind.IpInfringement => BlacklistReason.IntellectualPropertyInfringement,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "a penalty is not a serious violation"),
    };
}
