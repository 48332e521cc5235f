using Microsoft.EntityFrameworkCore;
using ProductQuality.Graph.Data;
using ProductQuality.Graph.Enterprises;
using ProductQuality.Graph.Rules.Common;
using ProductQuality.Graph.Rules.Supervision;

namespace ProductQuality.Graph.Supervision;

/// <summary>
/// The enterprises due by a day, found in SQL: only their id, colour and last sampling come back, not every visible
/// enterprise's row. "Due by <c>to</c>" is "never inspected, or last inspected on or before the colour's cut-off",
/// the latest day whose next due date (day + the colour's interval, months clamped to the month's end) is still by
/// <c>to</c>; the rule itself then schedules each candidate exactly.
/// </summary>
public static class InspectionPlanCandidates
{
    public static async Task<List<Candidate>> DueByAsync(ProductQualityDbContext db, IQueryable<Enterprise> enterprises,
        InspectionFrequencyRule rule, DateOnly to, CancellationToken ct)
    {
        var red = CutOff(rule.IntervalMonths(FourColor.Red), to);
        var yellow = CutOff(rule.IntervalMonths(FourColor.Yellow), to);
        var blue = CutOff(rule.IntervalMonths(FourColor.Blue), to);
        var green = CutOff(rule.IntervalMonths(FourColor.Green), to);
        return await enterprises
            .Select(e => new
            {
                e.Id, e.MapColour, Last = db.Inspections.Where(i => i.EnterpriseId == e.Id).Max(i => (DateOnly?)i.SampledOn),
            })
            .Where(r => r.Last == null
                || (r.MapColour == FourColor.Red && r.Last <= red) || (r.MapColour == FourColor.Yellow && r.Last <= yellow)
                || (r.MapColour == FourColor.Blue && r.Last <= blue) || (r.MapColour == FourColor.Green && r.Last <= green))
            .Select(r => new Candidate(r.Id, r.MapColour, r.Last))
            .ToListAsync(ct);
    }

    // AddMonths never moves a later day before an earlier one, so the days due by `to` run up to one latest day:
    // `to` less the interval, then on past month ends that clamp onto `to` (31 Jan + 1 month is 28 Feb).
    private static DateOnly CutOff(int months, DateOnly to)
    {
        var day = to.AddMonths(-months);
        while (day.AddDays(1).AddMonths(months) <= to)
        {
            day = day.AddDays(1);
        }

        return day;
    }

    /// <summary>An enterprise that may be due: its id, map colour and last sampling day (null: never).</summary>
    public sealed record Candidate(int Id, FourColor MapColour, DateOnly? Last);
}
