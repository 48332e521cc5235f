using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using ProductQuality.Graph.Data;
using ProductQuality.Graph.Enterprises;
using ProductQuality.Graph.Rules.Common;
using ProductQuality.Graph.Rules.Supervision;

namespace ProductQuality.Graph.Supervision;

/// <summary>
/// The enterprises due by a day, found in SQL: only their id, code, colour, class, riskiest tier and last sampling
/// come back, not every visible enterprise's row. "Due by <c>to</c>" is "never inspected, or last inspected on or
/// before the cut-off of its interval", the latest day whose next due date (day + interval, months clamped to the
/// month's end) is still by <c>to</c>; the interval depends on colour, class C or not and HIGH maker or not, so the
/// filter has one term per such combination. The rule then schedules each candidate exactly.
/// </summary>
public static class InspectionPlanCandidates
{
    public static async Task<List<Candidate>> DueByAsync(ProductQualityDbContext db, IQueryable<Enterprise> enterprises,
        InspectionFrequencyRule rule, DateOnly to, CancellationToken ct)
    {
        var rows = await enterprises
            .Select(e => new Row
            {
                Id = e.Id, CreditCode = e.CreditCode, MapColour = e.MapColour, Class = e.Class,
                HighestTier = e.HighestTier,
                Last = db.Inspections.Where(i => i.EnterpriseId == e.Id).Max(i => (DateOnly?)i.SampledOn),
            })
            .Where(DueBy(rule, to))
            .ToListAsync(ct);
        return rows.Select(r => new Candidate(r.Id, r.CreditCode,
            new SupervisionSubject(r.MapColour, r.Class, r.HighestTier), r.Last)).ToList();
    }

    private static Expression<Func<Row, bool>> DueBy(InspectionFrequencyRule rule, DateOnly to)
    {
        var row = Expression.Parameter(typeof(Row), "r");
        var last = Expression.Property(row, nameof(Row.Last));
        Expression body = Expression.Equal(last, Expression.Constant(null, typeof(DateOnly?)));
        foreach (var colour in Enum.GetValues<FourColor>())
        {
            foreach (var isC in new[] { false, true })
            {
                foreach (var isHigh in new[] { false, true })
                {
                    var subject = new SupervisionSubject(colour, isC ? EnterpriseClass.C : EnterpriseClass.B,
                        isHigh ? ProductTier.High : ProductTier.General);
                    var cut = CutOff(rule.IntervalMonths(subject), to);
                    var term = Expression.AndAlso(
                        Expression.AndAlso(
                            Expression.Equal(
                                Expression.Property(row, nameof(Row.MapColour)), Expression.Constant(colour)),
                            Is(Expression.Property(row, nameof(Row.Class)), EnterpriseClass.C, isC)),
                        Expression.AndAlso(
                            Is(Expression.Property(row, nameof(Row.HighestTier)), ProductTier.High, isHigh),
                            Expression.LessThanOrEqual(last, Expression.Constant((DateOnly?)cut, typeof(DateOnly?)))));
                    body = Expression.OrElse(body, term);
                }
            }
        }

        return Expression.Lambda<Func<Row, bool>>(body, row);
    }

    private static BinaryExpression Is<T>(Expression member, T value, bool equal) => equal
        ? Expression.Equal(member, Expression.Constant(value))
        : Expression.NotEqual(member, Expression.Constant(value));

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

    /// <summary>An enterprise that may be due: its id, code, what the rule reads and last sampling day.</summary>
    public sealed record Candidate(int Id, string CreditCode, SupervisionSubject Subject, DateOnly? Last);

    /// <summary>
    /// The projected columns; a class with setters so the filter can be composed after the projection.
    /// </summary>
    private sealed class Row
    {
        public int Id { get; init; }
        public string CreditCode { get; init; } = string.Empty;
        public FourColor MapColour { get; init; }
        public EnterpriseClass Class { get; init; }
        public ProductTier HighestTier { get; init; }
        public DateOnly? Last { get; init; }
    }
}
