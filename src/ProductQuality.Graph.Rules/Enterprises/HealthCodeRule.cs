using ProductQuality.Graph.Rules.Common;

namespace ProductQuality.Graph.Rules.Enterprises;

/// <summary>
/// The health code (健康码) as published for the Jiaxing pilot: the class as a colour.
/// A blacklisted enterprise is class C and so red; the class rule already sees to that.
/// </summary>
public sealed class HealthCodeRule(RulesOptions options)
{
    /// <summary>The colour of the effective class.</summary>
    public HealthCodeResult Evaluate(EnterpriseClass effectiveClass)
    {
        var colour = ColourOf(effectiveClass);
        var x = new ExplanationBuilder(RuleIds.HealthCode, options.Version)
            .Factor(FactGroup.Class, "effective class (企业分类)", effectiveClass.Code(),
                "AA green, A blue, B yellow, C red", colour.Label())
            .Clause(effectiveClass.Label(), FactGroup.Class);
        return new HealthCodeResult(colour, x.Build(colour.Code(), $"Health code (健康码) {colour.Label()}"));
    }

    /// <summary>The fixed mapping AA → GREEN, A → BLUE, B → YELLOW, C → RED.</summary>
    public static FourColor ColourOf(EnterpriseClass value) => value switch
    {
        EnterpriseClass.AA => FourColor.Green,
        EnterpriseClass.A => FourColor.Blue,
        EnterpriseClass.B => FourColor.Yellow,
        EnterpriseClass.C => FourColor.Red,
        _ => throw new ArgumentOutOfRangeException(nameof(value), value, null),
    };
}
