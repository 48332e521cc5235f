using ProductQuality.Graph.Rules.Common;
using static ProductQuality.Graph.Rules.Common.ExplanationBuilder;

namespace ProductQuality.Graph.Rules.Supervision;

/// <summary>
/// Inspection frequency and form. The interval is the map colour's (RED quarterly, YELLOW half-yearly, BLUE yearly,
/// GREEN every two years), shortened for class C and for makers of HIGH products (<see cref="SupervisionOptions"/>);
/// never inspected means due now. Every inspection samples; intensified supervision adds an on-site check and, for
/// the worst classes, a quality-management-system audit.
/// </summary>
public sealed class InspectionFrequencyRule(RulesOptions options)
{
    private readonly InspectionFrequencyOptions o = options.Inspection;
    private readonly SupervisionOptions s = options.Supervision;

    /// <summary>Schedules the next inspection.</summary>
    public InspectionSchedule Evaluate(SupervisionSubject subject, DateOnly? lastInspectedOn, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(subject);
        var (months, basis) = Interval(subject);
        var forms = Forms(subject);
        var due = lastInspectedOn?.AddMonths(months) ?? asOf;
        var isDue = due <= asOf;
        var overdue = isDue ? asOf.DayNumber - due.DayNumber : 0;
        var colour = subject.MapColour;
        var isC = subject.Class == EnterpriseClass.C;
        var isHigh = subject.HighestTier == ProductTier.High;
        var x = new ExplanationBuilder(RuleIds.InspectionFrequency, options.Version)
            .Factor(FactGroup.ProductTiers, "map colour (四色图)", colour.Label(), null,
                Inv($"{IntervalMonths(colour)} months, {colour.SupervisionMode()}"))
            .Factor(FactGroup.Class, "enterprise class (企业分类)", subject.Class.Label(),
                Inv($"C: at most {s.ClassCMaxMonths} months"),
                isC ? Inv($"at most {s.ClassCMaxMonths} months, intensified supervision (加严监管)") : "no cap")
            .Factor(FactGroup.ProductTiers, "riskiest product (最高产品风险等级)", subject.HighestTier.Label(),
                Inv($"HIGH: at most {s.HighRiskMakerMaxMonths} months"),
                isHigh ? Inv($"at most {s.HighRiskMakerMaxMonths} months, strict supervision (从严监管)") : "no cap")
            .Factor(FactGroup.Inspections, "interval", Inv($"{months} months"), null, "sets due date")
            .Factor(FactGroup.Inspections, "last inspection (上次检查)", lastInspectedOn is { } l ? Date(l) : "never",
                null, lastInspectedOn is null ? "due now" : Inv($"due {Date(due)}"))
            .Factor(FactGroup.Inspections, "form (检查形式)", string.Join(", ", forms.Select(f => f.Label())), null,
                "how to inspect");
        x.Clause(BasisText(basis, colour), BasisGroup(basis), FactGroup.Inspections);
        var when = lastInspectedOn is null
            ? Inv($"never inspected, due now ({Date(asOf)})")
            : Inv($"last inspected {Date(lastInspectedOn.Value)}, due {Date(due)}")
                + (overdue > 0 ? Inv($", {overdue} days overdue") : string.Empty);
        x.Clause(when, FactGroup.Inspections);
        x.Clause("by " + string.Join(" and ", forms.Select(f => f.Label())), FactGroup.Inspections);
        return new InspectionSchedule(colour, months, lastInspectedOn, due, isDue, overdue, forms,
            x.Build(Date(due), Inv($"Inspect every {months} months")));
    }

    /// <summary>The interval in months: the colour's, capped for class C and for makers of HIGH products.</summary>
    public int IntervalMonths(SupervisionSubject subject) => Interval(subject).Months;

    /// <summary>The configured interval for a map colour alone.</summary>
    public int IntervalMonths(FourColor colour) => colour switch
    {
        FourColor.Red => o.RedMonths,
        FourColor.Yellow => o.YellowMonths,
        FourColor.Blue => o.BlueMonths,
        FourColor.Green => o.GreenMonths,
        _ => throw new ArgumentOutOfRangeException(nameof(colour), colour, null),
    };

    /// <summary>The forms of inspection: always sampling; on-site checks and QMS audits by class and risk.</summary>
    public IReadOnlyList<InspectionForm> Forms(SupervisionSubject subject)
    {
        ArgumentNullException.ThrowIfNull(subject);
        var forms = new List<InspectionForm> { InspectionForm.Sampling };
        if (AtOrWorse(s.OnSiteCheckFromClass)
            || (s.OnSiteCheckForHighRiskMakers && subject.HighestTier == ProductTier.High))
        {
            forms.Add(InspectionForm.OnSiteCheck);
        }

        if (AtOrWorse(s.QmsAuditFromClass))
        {
            forms.Add(InspectionForm.QmsAudit);
        }

        return forms;

        bool AtOrWorse(EnterpriseClass from) => !subject.Class.IsBetterThan(from);
    }

    /// <summary>
    /// Work-list order: earliest due date first; on the same date the more severe colour first,
    /// so that a red enterprise is never queued behind a green one due the same day.
    /// </summary>
    public static IReadOnlyList<InspectionSchedule> OrderByUrgency(IEnumerable<InspectionSchedule> schedules)
    {
        ArgumentNullException.ThrowIfNull(schedules);
        return schedules.OrderBy(s => s.DueOn).ThenBy(s => (int)s.Colour).ToList();
    }

    // The strictest rule sets the interval; on a tie the map colour (the base rule) is named, then the product.
    private (int Months, Basis Basis) Interval(SupervisionSubject subject)
    {
        var result = (Months: IntervalMonths(subject.MapColour), Basis: Basis.MapColour);
        if (subject.HighestTier == ProductTier.High && s.HighRiskMakerMaxMonths < result.Months)
        {
            result = (s.HighRiskMakerMaxMonths, Basis.HighRiskMaker);
        }

        if (subject.Class == EnterpriseClass.C && s.ClassCMaxMonths < result.Months)
        {
            result = (s.ClassCMaxMonths, Basis.ClassC);
        }

        return result;
    }

    private static string BasisText(Basis basis, FourColor colour) => basis switch
    {
        Basis.HighRiskMaker => "strict supervision (从严监管) as a maker of HIGH (高风险) products",
        Basis.ClassC => Inv($"intensified supervision (加严监管) for {EnterpriseClass.C.Label()}"),
        _ => Inv($"{colour.SupervisionMode()} for {colour.Label()}"),
    };

    private static FactGroup BasisGroup(Basis basis) => basis switch
    {
        Basis.HighRiskMaker => FactGroup.ProductTiers,
        Basis.ClassC => FactGroup.Class,
        // A map colour is class × highest product tier, so it states a tier (Enterprise.mapColour's group).
        _ => FactGroup.ProductTiers,
    };

    private enum Basis
    {
        MapColour,
        HighRiskMaker,
        ClassC,
    }
}
