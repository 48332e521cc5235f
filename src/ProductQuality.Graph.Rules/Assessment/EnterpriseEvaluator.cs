using ProductQuality.Graph.Rules.Assured;
using ProductQuality.Graph.Rules.Enterprises;
using ProductQuality.Graph.Rules.Supervision;

namespace ProductQuality.Graph.Rules.Assessment;

/// <summary>
/// One call, all enterprise results: class from conditions → upgrade/downgrade principle →
/// health code → map colour → quality index → assured consumption → next inspection.
/// Stateless and thread-safe; register it as a singleton.
/// </summary>
public sealed class EnterpriseEvaluator(RulesOptions options)
{
    private readonly EnterpriseClassRule classRule = new(options);
    private readonly ClassTransitionRule transitionRule = new(options);
    private readonly HealthCodeRule healthCodeRule = new(options);
    private readonly MapColourRule mapColourRule = new(options);
    private readonly QualityIndexRule indexRule = new(options);
    private readonly AssuredConsumptionRule assuredRule = new(options);
    private readonly InspectionFrequencyRule inspectionRule = new(options);

    /// <summary>Assesses one enterprise.</summary>
    public EnterpriseAssessment Evaluate(EnterpriseAssessmentInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var facts = input.Facts;
        var conditions = classRule.Evaluate(facts);
        var transition = transitionRule.Apply(
            conditions.Class, input.PreviousClass, facts.AsOf, input.ClassOverride, facts.Blacklisted);
        var effective = transition.EffectiveClass;
        var health = healthCodeRule.Evaluate(effective);
        var map = mapColourRule.Evaluate(effective, input.ProductTiers, facts.Blacklisted);
        var index = indexRule.Evaluate(facts);

        // The assured rule needs today's class in the history; append it only when it changed,
        // so that an unbroken run of class A keeps its original start date.
        var history = input.ClassHistory
            .Where(h => h.EffectiveFrom <= facts.AsOf).OrderBy(h => h.EffectiveFrom).ToList();
        if (history.Count == 0 || history[^1].Class != effective)
        {
            history.Add(new ClassChange(facts.AsOf, effective));
        }

        var assured = assuredRule.Evaluate(new AssuredFacts
        {
            AsOf = facts.AsOf,
            ClassHistory = history,
            Blacklisted = facts.Blacklisted,
            ValidComplaintsLastYear = facts.ValidComplaintsLastYear,
            CurrentGrant = input.AssuredGrant,
        });
        var subject = new SupervisionSubject(map.Colour, effective, map.HighestTier);
        var inspection = inspectionRule.Evaluate(subject, input.LastInspectedOn, facts.AsOf);
        return new EnterpriseAssessment(facts.AsOf, conditions, transition, health, map, index, assured, inspection,
            history, options.Version);
    }
}
