using ProductQuality.Graph.Rules.Assured;
using ProductQuality.Graph.Rules.Common;
using ProductQuality.Graph.Rules.Enterprises;
using ProductQuality.Graph.Rules.Supervision;

namespace ProductQuality.Graph.Rules.Assessment;

/// <summary>All rule results for one enterprise on one date, each with its explanation.</summary>
/// <param name="AsOf">Assessment date.</param>
/// <param name="Conditions">The class the conditions call for.</param>
/// <param name="Class">The class in force after the upgrade/downgrade principle and any override.</param>
/// <param name="HealthCode">Health code (健康码).</param>
/// <param name="MapColour">Colour on the four-colour vector map (四色矢量图).</param>
/// <param name="QualityIndex">Quality safety index (产品质量安全指数).</param>
/// <param name="Assured">Assured consumption unit decision (放心消费单位).</param>
/// <param name="Inspection">Next inspection.</param>
/// <param name="ClassHistory">The class history to store: the input history plus today's class if it changed.</param>
/// <param name="RulesVersion">The rules version that produced all of it.</param>
public sealed record EnterpriseAssessment(
    DateOnly AsOf,
    EnterpriseClassResult Conditions,
    ClassTransitionResult Class,
    HealthCodeResult HealthCode,
    MapColourResult MapColour,
    QualityIndexResult QualityIndex,
    AssuredConsumptionResult Assured,
    InspectionSchedule Inspection,
    IReadOnlyList<ClassChange> ClassHistory,
    string RulesVersion)
{
    /// <summary>The class in force.</summary>
    public EnterpriseClass EffectiveClass => Class.EffectiveClass;

    /// <summary>
    /// Why the enterprise has its class and colours, as stored and served: the class conditions, the
    /// upgrade/downgrade principle, the health code, the map colour.
    /// </summary>
    public IReadOnlyList<Explanation> ClassExplanations =>
        [Conditions.Explanation, Class.Explanation, HealthCode.Explanation, MapColour.Explanation];

    /// <summary>Every explanation, in evaluation order.</summary>
    public IReadOnlyList<Explanation> Explanations =>
    [
        Conditions.Explanation, Class.Explanation, HealthCode.Explanation, MapColour.Explanation,
        QualityIndex.Explanation, Assured.Explanation, Inspection.Explanation,
    ];
}
