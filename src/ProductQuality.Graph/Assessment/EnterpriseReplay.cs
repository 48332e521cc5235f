using ProductQuality.Graph.Data;
using ProductQuality.Graph.Data.Seeding;
using ProductQuality.Graph.Enforcement;
using ProductQuality.Graph.Enterprises;
using ProductQuality.Graph.Rules;
using ProductQuality.Graph.Rules.Assessment;
using ProductQuality.Graph.Rules.Blacklist;
using ProductQuality.Graph.Rules.Common;
using ProductQuality.Graph.Rules.Enterprises;

namespace ProductQuality.Graph.Assessment;

/// <summary>
/// Replays one enterprise's facts in date order through the rules — the one path for seeded data, live writes and
/// recomputes. It evaluates on every fact date, on every date a fact leaves its window, on the day a deferred
/// upgrade, a listing's rectification period, an assured grant or a manual override runs out, and on today.
/// Previous class, class history and grant carry between dates, so the upgrade/downgrade principle (升降原则)
/// holds. A record is kept whenever an outcome changes. Pure: no database; stamps are deterministic.
/// </summary>
public sealed class EnterpriseReplay(RulesOptions rules, ProductTierTimeline tiers, DateOnly today, Func<string, string> productName)
{
    private readonly EnterpriseEvaluator evaluator = new(rules);
    private readonly BlacklistRule blacklistRule = new(rules);
    private readonly int window = rules.EnterpriseClass.SamplingWindowYears;

    public ReplayResult Replay(EnterpriseFactSet f)
    {
        ArgumentNullException.ThrowIfNull(f);
        var samplings = f.Samplings.Select(s => new SamplingRecord(s.Date, s.Passed, s.SafetyItemFailed, s.ProductCode)).ToList();
        var blacklistFacts = new BlacklistFacts
        {
            AsOf = f.ActiveFrom,
            FailedSamplings = f.Samplings.Where(s => !s.Passed).Select(s => new FailedSampling(s.ProductCode, s.Date)).ToList(),
            RectificationOrders = f.Samplings.Where(s => s.RectificationOrderedOn is not null)
                .Select(s => new RectificationOrder(s.ProductCode, s.RectificationOrderedOn!.Value)).ToList(),
            Decisions = f.Decisions.Where(d => d.Kind != EnforcementKind.Penalty)
                .Select(d => new SeriousViolationDecision(d.Number, d.Date, ToReason(d.Kind))).ToList(),
        };
        var violations = blacklistFacts.FailedSamplings.Select(s => s.Date).Concat(f.Decisions.Select(d => d.Date)).ToList();
        var blacklist = new BlacklistTracker(blacklistRule, blacklistFacts, violations, f.BlacklistDecisions);
        var assured = new AssuredTracker();
        var reasons = new ReasonWriter(f, window, productName);

        var queue = new SortedSet<DateOnly>(FactDates(f).Where(d => d >= f.ActiveFrom && d <= today)) { today, f.ActiveFrom };
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
            var manual = OverrideOn(f, asOf);
            var assessment = evaluator.Evaluate(Input(f, samplings, blacklist.Listed, asOf, previous, history, assured) with { ClassOverride = manual });
            previous = assessment.Class.ToState();
            history = assessment.ClassHistory;
            Revisit(queue, asOf, assessment.Class.UpgradeDeferredUntil);
            Revisit(queue, asOf, assured.Update(asOf, assessment.Assured));
            if (last is null || Changed(last, assessment))
            {
                records.Add(ToRecord(assessment, manual, reasons.For(asOf, last is null, blacklist.Events, assessment.Class.Kind)));
            }

            var snapshot = new StateSnapshot(asOf, assessment.EffectiveClass, assessment.MapColour.Colour, assessment.QualityIndex.Index, assessment.MapColour.HighestTier);
            if (snapshots.Count == 0 || snapshots[^1] with { From = asOf } != snapshot)
            {
                snapshots.Add(snapshot);
            }

            last = assessment;
        }

        return new ReplayResult(last!, history[^1].EffectiveFrom, ManagementOn(f, today), blacklist.Listed, blacklist.ListedOn, assured.Grant,
            records, blacklist.Events, assured.Events, snapshots);
    }

    private EnterpriseAssessmentInput Input(EnterpriseFactSet f, List<SamplingRecord> samplings, bool listed, DateOnly asOf,
        ClassState? previous, IReadOnlyList<Rules.Assured.ClassChange> history, AssuredTracker assured)
    {
        var management = ManagementOn(f, asOf);
        var from = asOf.AddYears(-window);
        return new EnterpriseAssessmentInput
        {
            Facts = new EnterpriseFacts
            {
                AsOf = asOf,
                Samplings = samplings,
                Traceability = management.Traceability,
                QualitySystem = management.QualitySystem,
                Blacklisted = listed,
                UnlicensedProductionFinding = f.Decisions.Any(d => d.Kind == EnforcementKind.UnlicensedProduction && d.Date >= from && d.Date <= asOf),
                PenaltiesInWindow = f.Decisions.Count(d => d.Date >= from && d.Date <= asOf),
                ValidComplaintsLastYear = f.Complaints.Count(c => c > asOf.AddYears(-1) && c <= asOf),
            },
            ProductTiers = f.ProductCodes.Select(p => tiers.TierOn(p, asOf)).ToList(),
            PreviousClass = previous,
            ClassHistory = history,
            AssuredGrant = assured.Grant,
            LastInspectedOn = f.Samplings.LastOrDefault(s => s.Date <= asOf)?.Date,
        };
    }

    // The management record in force: the latest on or before the date (the first one before that).
    private static ManagementFact ManagementOn(EnterpriseFactSet f, DateOnly asOf) => f.Management.LastOrDefault(m => m.Date <= asOf) ?? f.Management[0];

    // The newest override decided on or before the date; a withdrawal (null class) means none.
    private static Override<EnterpriseClass>? OverrideOn(EnterpriseFactSet f, DateOnly asOf) =>
        f.ClassOverrides.LastOrDefault(o => o.From <= asOf) is { Class: { } cls } o ? new Override<EnterpriseClass>(cls, o.Reason, o.ExpiresOn) : null;

    private IEnumerable<DateOnly> FactDates(EnterpriseFactSet f)
    {
        foreach (var m in f.Management) yield return m.Date;
        foreach (var s in f.Samplings)
        {
            yield return s.Date;
            yield return s.Date.AddYears(window).AddDays(1);
        }

        foreach (var d in f.Decisions)
        {
            yield return d.Date;
            yield return d.Date.AddYears(window).AddDays(1);
        }

        foreach (var c in f.Complaints)
        {
            yield return c;
            yield return c.AddYears(1);
        }

        foreach (var o in f.ClassOverrides)
        {
            yield return o.From;
            yield return o.ExpiresOn.AddDays(1);
        }

        foreach (var d in f.BlacklistDecisions) yield return d.Date;
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
        a.MapColour.Colour != b.MapColour.Colour || a.QualityIndex.Index != b.QualityIndex.Index ||
        (a.Class.Kind == ClassTransitionKind.Overridden) != (b.Class.Kind == ClassTransitionKind.Overridden);

    private EnterpriseAssessmentRecord ToRecord(EnterpriseAssessment a, Override<EnterpriseClass>? manual, string reason) => new()
    {
        EffectiveFrom = a.AsOf,
        Class = a.EffectiveClass,
        HealthCode = a.HealthCode.Colour,
        MapColour = a.MapColour.Colour,
        QualityIndex = a.QualityIndex.Index,
        Reason = reason,
        IsOverride = a.Class.Kind == ClassTransitionKind.Overridden,
        OverrideExpiresOn = a.Class.Kind == ClassTransitionKind.Overridden ? manual?.ExpiresOn : null,
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
