using ProductQuality.Graph.Rules.Common;
using static ProductQuality.Graph.Rules.Common.ExplanationBuilder;

namespace ProductQuality.Graph.Rules.Supervision;

/// <summary>
/// Inspection frequency by map colour (RED quarterly, YELLOW half-yearly, BLUE yearly,
/// GREEN every two years) and the next due date. Never inspected means due now.
/// </summary>
public sealed class InspectionFrequencyRule(RulesOptions options)
{
    private readonly InspectionFrequencyOptions o = options.Inspection;

    /// <summary>Schedules the next inspection.</summary>
    public InspectionSchedule Evaluate(FourColor mapColour, DateOnly? lastInspectedOn, DateOnly asOf)
    {
        var months = IntervalMonths(mapColour);
        var due = lastInspectedOn?.AddMonths(months) ?? asOf;
        var isDue = due <= asOf;
        var overdue = isDue ? asOf.DayNumber - due.DayNumber : 0;
        var x = new ExplanationBuilder(RuleIds.InspectionFrequency, options.Version)
            .Factor(FactGroup.Health, "map colour (四色图)", mapColour.Label(), null, mapColour.SupervisionMode())
            .Factor(FactGroup.Inspections, "interval", Inv($"{months} months"), null, "sets due date")
            .Factor(FactGroup.Inspections, "last inspection (上次检查)", lastInspectedOn is { } l ? Date(l) : "never", null, lastInspectedOn is null ? "due now" : Inv($"due {Date(due)}"));
        var when = lastInspectedOn is null
            ? Inv($"never inspected, due now ({Date(asOf)})")
            : Inv($"last inspected {Date(lastInspectedOn.Value)}, due {Date(due)}") + (overdue > 0 ? Inv($", {overdue} days overdue") : string.Empty);
        x.Clause(when, FactGroup.Inspections);
        var headline = Inv($"Inspect every {months} months, {mapColour.SupervisionMode()} for {mapColour.Label()}");
        return new InspectionSchedule(mapColour, months, lastInspectedOn, due, isDue, overdue, x.Build(Date(due), headline));
    }

    /// <summary>The configured interval for a colour.</summary>
    public int IntervalMonths(FourColor colour) => colour switch
    {
        FourColor.Red => o.RedMonths,
        FourColor.Yellow => o.YellowMonths,
        FourColor.Blue => o.BlueMonths,
        FourColor.Green => o.GreenMonths,
        _ => throw new ArgumentOutOfRangeException(nameof(colour), colour, null),
    };

    /// <summary>
    /// Work-list order: earliest due date first; on the same date the more severe colour first,
    /// so that a red enterprise is never queued behind a green one due the same day.
    /// </summary>
    public static IReadOnlyList<InspectionSchedule> OrderByUrgency(IEnumerable<InspectionSchedule> schedules)
    {
        ArgumentNullException.ThrowIfNull(schedules);
        return schedules.OrderBy(s => s.DueOn).ThenBy(s => (int)s.Colour).ToList();
    }
}
