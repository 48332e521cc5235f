using ProductQuality.Graph.Inspections;
using ProductQuality.Graph.Rules.Enterprises;
using ProductQuality.Graph.Rules.Timeline;

namespace ProductQuality.Graph.Data.Seeding;

/// <summary>
/// Supervision samplings of one enterprise, in date order. The city and county bureaus inspect it as the frequency
/// rule asks (<see cref="SupervisionScheduler"/>), sampling its products, with a bureau's slippage: most inspections
/// take place in the weeks before they fall due, a minority (<see cref="LateShare"/>) up to
/// <see cref="MaxLateDays"/> days after. National and provincial samplings come on their own schedule. Each failure
/// brings a rectification order (责令整改) a few weeks later and often a follow-up sampling (复查) months after — the
/// repeat failures the blacklist is for.
/// </summary>
internal sealed class SamplingHistoryGenerator(ReferenceDataSet reference, DateOnly today)
{
    /// <summary>Share of planned inspections that take place after their due date.</summary>
    public const double LateShare = 0.08;

    /// <summary>The latest a late inspection comes, in days after its due date.</summary>
    public const int MaxLateDays = 90;

    /// <summary>
    /// The earliest an inspection comes before its due date, in days (at most a quarter of the interval).
    /// </summary>
    private const int MaxEarlyDays = 60;

    /// <summary>Products sampled at one inspection; a maker of more is sampled in rotation.</summary>
    private const int ProductsPerInspection = 1;

    /// <summary>National and provincial samplings (国抽, 省抽) of one enterprise a year, outside the city's plan.</summary>
    private const double OutsideSamplingsPerYear = 0.15;

    private const double RectificationEffect = 0.4;

    /// <summary>
    /// Rectification wears off: a maker's failure rate drifts back towards its own level, halving the distance each
    /// this many years — without it, eight years of quarterly sampling would leave the city with almost no failures.
    /// </summary>
    private const double RecoveryHalfLifeYears = 2.0;
    private const double FollowUpChance = 0.45;

    /// <param name="context">The enterprise's other facts (management, decisions, complaints), no samplings.</param>
    public List<SamplingDraft> Generate(Random r, EnterpriseFactSet context, double factor, DateOnly from,
        bool foundedInHistory, SupervisionScheduler scheduler)
    {
        var runs = context.ProductCodes
            .Select(c => new ProductRun(
                reference.Profiles[c], Math.Min(0.6, reference.Profiles[c].BaseFailureRate * factor)))
            .ToList();
        var records = new List<SamplingRecord>();
        var facts = context with { Samplings = records };
        var result = new List<SamplingDraft>();
        var followUps = new List<(DateOnly Due, ProductRun Run)>();
        ClassState? state = null;
        var rotation = r.Next(runs.Count);

        // A maker already in business when the history starts was last inspected some time before it; a new one gets
        // its first inspection within months of starting.
        var planned = foundedInHistory
            ? from.AddDays(r.Next(30, 121))
            : from.AddDays(r.Next(1 + (scheduler.IntervalMonths(facts, from, ref state) * 30)));
        var outside = from.AddDays(r.DaysToNext(OutsideSamplingsPerYear));
        while (true)
        {
            var followUp = followUps.Count == 0 ? DateOnly.MaxValue : followUps.Min(f => f.Due);
            var day = Min(planned, Min(outside, followUp));
            if (day > today)
            {
                break;
            }

            if (followUp == day)
            {
                var due = followUps.First(f => f.Due == day);
                followUps.Remove(due);
                var level = r.Chance(0.6) ? SamplingLevel.County : SamplingLevel.City;
                Sample(r, due.Run, day, level, isFollowUp: true);
            }
            else if (outside == day)
            {
                Sample(r, runs[r.Next(runs.Count)], day,
                    r.Chance(0.3) ? SamplingLevel.National : SamplingLevel.Provincial, isFollowUp: false);
                outside = day.AddDays(r.DaysToNext(OutsideSamplingsPerYear));
            }
            else
            {
                var level = r.Chance(0.55) ? SamplingLevel.County : SamplingLevel.City;
                for (var i = 0; i < Math.Min(ProductsPerInspection, runs.Count); i++)
                {
                    Sample(r, runs[rotation++ % runs.Count], day, level, isFollowUp: false);
                }
            }

            // The plan counts every sampling as the last inspection, whoever took it.
            planned = Next(r, day, scheduler.IntervalMonths(facts, day, ref state));
        }

        // Same-day samplings in product order, as the database gives them back to a re-evaluation.
        return result.OrderBy(s => s.Date).ThenBy(s => s.ProductCode, StringComparer.Ordinal).ToList();

        void Sample(Random r, ProductRun run, DateOnly day, SamplingLevel level, bool isFollowUp)
        {
            var draft = Draw(r, run, day, level, isFollowUp);
            result.Add(draft);
            records.Add(new SamplingRecord(draft.Date, draft.Passed, draft.SafetyItemFailed, draft.ProductCode,
                draft.RectificationOrderedOn, draft.IsFollowUp));
            if (draft.RectificationOrderedOn is { } ordered && r.Chance(FollowUpChance))
            {
                followUps.Add((ordered.AddDays(r.Next(60, 300)), run));
            }
        }
    }

    // Most inspections come in the weeks before the due date; a minority slips past it.
    private static DateOnly Next(Random r, DateOnly last, int months)
    {
        var due = last.AddMonths(months);
        return r.Chance(LateShare)
            ? due.AddDays(r.Next(1, MaxLateDays + 1))
            : due.AddDays(-r.Next(Math.Min(MaxEarlyDays, months * 30 / 4) + 1));
    }

    private SamplingDraft Draw(Random r, ProductRun run, DateOnly date, SamplingLevel level, bool followUp)
    {
        if (!r.Chance(run.FailureOn(date)))
        {
            return new SamplingDraft(date, run.Profile.Code, level, true, [], null, followUp);
        }

        // Rectification mostly works: each failure makes the next one of this product much less likely,
        // so repeat offenders (屡查屡犯) are the makers that were careless to begin with.
        run.Failed(date);
        var ordered = date.AddDays(r.Next(14, 43));
        var rectification = ordered <= today ? ordered : (DateOnly?)null;
        return new SamplingDraft(
            date, run.Profile.Code, level, false, FailedItems(r, run.Profile), rectification, followUp);
    }

    private static List<FailureItem> FailedItems(Random r, ProductProfile profile)
    {
        var want = Math.Min(profile.FailureItems.Count, r.NextDouble() switch { < 0.6 => 1, < 0.9 => 2, _ => 3 });
        var pool = profile.FailureItems.ToList();
        var items = new List<FailureItem>(want);
        while (items.Count < want)
        {
            var i = r.Next(pool.Count);
            items.Add(pool[i]);
            pool.RemoveAt(i);
        }

        return items;
    }

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    private sealed class ProductRun(ProductProfile profile, double ownRate)
    {
        private readonly double failure = ownRate;
        private double afterFailure = ownRate;
        private DateOnly lastFailure = DateOnly.MinValue;

        public ProductProfile Profile { get; } = profile;

        public double FailureOn(DateOnly date)
        {
            if (lastFailure == DateOnly.MinValue)
            {
                return failure;
            }

            var years = (date.DayNumber - lastFailure.DayNumber) / 365.25;
            return failure - ((failure - afterFailure) * Math.Pow(0.5, years / RecoveryHalfLifeYears));
        }

        public void Failed(DateOnly date)
        {
            afterFailure = FailureOn(date) * RectificationEffect;
            lastFailure = date;
        }
    }
}
