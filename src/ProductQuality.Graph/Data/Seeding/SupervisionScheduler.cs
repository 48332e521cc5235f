using ProductQuality.Graph.Rules;
using ProductQuality.Graph.Rules.Common;
using ProductQuality.Graph.Rules.Enterprises;
using ProductQuality.Graph.Rules.Supervision;
using ProductQuality.Graph.Rules.Timeline;

namespace ProductQuality.Graph.Data.Seeding;

/// <summary>
/// The generator's supervisor: after each inspection it asks the project's own rules what interval the enterprise's
/// facts so far call for — the class rule and the upgrade/downgrade principle on those facts, the map colour with the
/// product tiers of the day, the inspection frequency rule — so that generated samplings follow the rule the
/// inspection plan checks them against. What it cannot know, it approximates, and the plan shows the difference as
/// overdue entries: the tiers are an earlier pass's grading (a pass cannot know the grading its own samplings lead
/// to), listings are unknown here (a listed maker is mostly class C by its failures anyway), and the class is
/// evaluated on sampling days only.
/// </summary>
internal sealed class SupervisionScheduler(RulesOptions rules, ProductTierTimeline tiers)
{
    private readonly EnterpriseClassRule classes = new(rules);
    private readonly ClassTransitionRule transitions = new(rules);
    private readonly InspectionFrequencyRule frequency = new(rules);

    /// <summary>A scheduler that knows no grading: every product GENERAL (the generator's first pass).</summary>
    public static SupervisionScheduler Ungraded(RulesOptions rules) => new(rules, new ProductTierTimeline());

    /// <summary>
    /// The interval in months the frequency rule sets on <paramref name="day"/>; <paramref name="state"/> carries the
    /// class in force from one call to the next, as the replay carries it.
    /// </summary>
    public int IntervalMonths(EnterpriseFactSet factsSoFar, DateOnly day, ref ClassState? state)
    {
        var facts = factsSoFar.FactsOn(day, rules.EnterpriseClass.SamplingWindowYears, listed: false);
        var effective = transitions.Apply(classes.Evaluate(facts).Class, state, day);
        state = effective.ToState();
        var highest = factsSoFar.ProductCodes.Select(p => tiers.TierOn(p, day)).Highest();
        var colour = MapColourRule.ColourOf(effective.EffectiveClass, highest);
        return frequency.IntervalMonths(new SupervisionSubject(colour, effective.EffectiveClass, highest));
    }
}
