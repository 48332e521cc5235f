using ProductQuality.Graph.Rules.Assessment;
using ProductQuality.Graph.Rules.Blacklist;
using ProductQuality.Graph.Rules.Common;
using ProductQuality.Graph.Rules.Enterprises;

namespace ProductQuality.Graph.Rules.Timeline;

/// <summary>
/// Replays one enterprise's facts in date order through the rules — the one path for seeded data, live writes and
/// recomputes. It evaluates on every fact date, on every date a fact leaves its window, on the day a deferred
/// upgrade, a listing's rectification period, an assured grant or a manual override runs out, and on today.
/// Previous class, class history and grant carry between dates, so the upgrade/downgrade principle (升降原则)
/// holds. A record is kept whenever an outcome changes. Pure: plain records out, no rows, no clock.
/// </summary>
/// <param name="productName">The name a reason gives a product, by its code.</param>
public sealed class EnterpriseReplay(
    RulesOptions rules, ProductTierTimeline tiers, DateOnly today, Func<string, string> productName)
{
    private readonly EnterpriseEvaluator evaluator = new(rules);
    private readonly BlacklistRule blacklistRule = new(rules);
    private readonly int window = rules.EnterpriseClass.SamplingWindowYears;

    public ReplayResult Replay(EnterpriseFactSet f)
    {
        ArgumentNullException.ThrowIfNull(f);
        var blacklist = new BlacklistTracker(blacklistRule, f.BlacklistFacts(), f.Violations(), f.BlacklistDecisions);
        var assured = new AssuredTracker();
        var reasons = new ReasonWriter(f, window, productName, tiers);

        // Every day an outcome can change without a new fact, today's and the future's alike: the days after today
        // are the look-ahead that finds the next such day (ReplayResult.NextDue).
        var queue = new SortedSet<DateOnly>(f.DatesToVisit(window)
            .Concat(f.ProductCodes.SelectMany(tiers.ChangeDates))
            .Where(d => d >= f.ActiveFrom && d <= LookAheadLimit))
        {
            today, f.ActiveFrom,
        };
        var records = new List<AssessmentRecord>();
        var snapshots = new List<StateSnapshot>();
        ClassState? previous = null;
        IReadOnlyList<Assured.ClassChange> history = [];
        EnterpriseAssessment? last = null;
        ReplayResult? result = null;
        while (queue.Count > 0)
        {
            var asOf = queue.Min;
            queue.Remove(asOf);
            if (asOf > today && result is null)
            {
                result = new ReplayResult(last!, history[^1].EffectiveFrom, ManagementOn(f, today), blacklist.Listed,
                    blacklist.ListedOn, assured.Grant, [.. records], [.. blacklist.Events], [.. assured.Records],
                    [.. snapshots], null);
            }

            Revisit(queue, asOf, blacklist.Update(asOf));
            var manual = OverrideOn(f, asOf);
            var input = Input(f, blacklist.Listed, asOf, previous, history, assured) with { ClassOverride = manual };
            var assessment = evaluator.Evaluate(input);
            previous = assessment.Class.ToState();
            history = assessment.ClassHistory;
            Revisit(queue, asOf, assessment.Class.UpgradeDeferredUntil);
            Revisit(queue, asOf, assured.Update(asOf, assessment.Assured));
            Revisit(queue, asOf, assessment.Assured.RunLongEnoughOn);
            if (last is null || Changed(last, assessment))
            {
                var reason = reasons.For(asOf, last is null, blacklist.Events, assessment.Class.Kind);
                records.Add(ToRecord(assessment, manual, reason));
                // The day after a change its explanation reads differently ("downgraded … on D" becomes "unchanged"):
                // visited, so the explanation served as today's is re-evaluated then (Differs).
                Revisit(queue, asOf, asOf.AddDays(1));
            }

            var snapshot = new StateSnapshot(asOf, assessment.EffectiveClass, assessment.MapColour.Colour,
                assessment.QualityIndex.Index, assessment.MapColour.HighestTier);
            if (snapshots.Count == 0 || snapshots[^1] with { From = asOf } != snapshot)
            {
                snapshots.Add(snapshot);
            }

            last = assessment;
            if (result is not null && Differs(result, assessment, records, blacklist, assured, f, history))
            {
                return result with { NextDue = asOf, TodaysFacts = reasons.FactsOn(today, blacklist.Events) };
            }
        }

        return (result ?? new ReplayResult(last!, history[^1].EffectiveFrom, ManagementOn(f, today), blacklist.Listed,
            blacklist.ListedOn, assured.Grant, records, blacklist.Events, assured.Records, snapshots, null))
            with { TodaysFacts = reasons.FactsOn(today, blacklist.Events) };
    }

    /// <summary>How far the look-ahead goes: past every window, override and grant a fact set can hold.</summary>
    private DateOnly LookAheadLimit => today.AddYears(100);

    // A replay up to `now`'s day would differ from the one up to today: a history row more, or another cached state.
    private static bool Differs(ReplayResult atToday, EnterpriseAssessment now, List<AssessmentRecord> records,
        BlacklistTracker blacklist, AssuredTracker assured, EnterpriseFactSet f,
        IReadOnlyList<Assured.ClassChange> history)
    {
        if (records.Count != atToday.Records.Count || blacklist.Events.Count != atToday.Listings.Count ||
            assured.Records.Count != atToday.Assured.Count)
        {
            return true;
        }

        var then = new ReplayResult(now, history[^1].EffectiveFrom, ManagementOn(f, now.AsOf), blacklist.Listed,
            blacklist.ListedOn, assured.Grant, [], [], [], [], null);
        // The explanations served as today's (ReplayResult.Final's) change on their own when a sampling leaves the
        // window or an upgrade's wait ends: that day is due too, or they would state a count no longer true.
        return then.StateOn(now.AsOf) != atToday.StateOn(atToday.Final.AsOf)
            || !ExplanationEquality.Same(now.ClassExplanations, atToday.Final.ClassExplanations)
            || !ExplanationEquality.Same(now.QualityIndex.Explanation, atToday.Final.QualityIndex.Explanation);
    }

    /// <summary>The management record in force on a day (<see cref="InForce.LatestOrFirst{T}"/>).</summary>
    public static ManagementFact ManagementOn(EnterpriseFactSet f, DateOnly day)
    {
        ArgumentNullException.ThrowIfNull(f);
        return InForce.LatestOrFirst(f.Management, m => m.Date, day)!;
    }

    /// <summary>The class override decided by a day, expired or not (<see cref="InForce.Decided{T}"/>).</summary>
    public static Override<EnterpriseClass>? OverrideOn(EnterpriseFactSet f, DateOnly day)
    {
        ArgumentNullException.ThrowIfNull(f);
        return InForce.Decided(f.ClassOverrides, o => o.From, o => o.Class is null, day) is { } o
            ? new Override<EnterpriseClass>(o.Class!.Value, o.Reason, o.ExpiresOn)
            : null;
    }

    private EnterpriseAssessmentInput Input(EnterpriseFactSet f, bool listed, DateOnly asOf,
        ClassState? previous, IReadOnlyList<Assured.ClassChange> history, AssuredTracker assured)
    {
        return new EnterpriseAssessmentInput
        {
            Facts = f.FactsOn(asOf, window, listed),
            ProductTiers = f.ProductCodes.Select(p => tiers.TierOn(p, asOf)).ToList(),
            PreviousClass = previous,
            ClassHistory = history,
            AssuredGrant = assured.Grant,
            LastInspectedOn = f.Samplings.LastOrDefault(s => s.Date <= asOf)?.Date,
        };
    }

    private void Revisit(SortedSet<DateOnly> queue, DateOnly asOf, DateOnly? when)
    {
        if (when is { } d && d > asOf && d <= LookAheadLimit)
        {
            queue.Add(d);
        }
    }

    private static bool Changed(EnterpriseAssessment a, EnterpriseAssessment b) =>
        a.EffectiveClass != b.EffectiveClass || a.HealthCode.Colour != b.HealthCode.Colour ||
        a.MapColour.Colour != b.MapColour.Colour || a.QualityIndex.Index != b.QualityIndex.Index ||
        (a.Class.Kind == ClassTransitionKind.Overridden) != (b.Class.Kind == ClassTransitionKind.Overridden);

    private AssessmentRecord ToRecord(
        EnterpriseAssessment a, Override<EnterpriseClass>? manual, IReadOnlyList<SummaryClause> reason)
    {
        var overridden = a.Class.Kind == ClassTransitionKind.Overridden;
        return new AssessmentRecord(
            a.AsOf, a.EffectiveClass, a.HealthCode.Colour, a.MapColour.Colour, a.QualityIndex.Index, reason,
            overridden, overridden ? manual?.ExpiresOn : null,
            a.ClassExplanations, a.QualityIndex.Explanation, rules.Version);
    }
}
