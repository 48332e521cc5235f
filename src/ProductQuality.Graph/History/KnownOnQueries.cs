using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using ProductQuality.Graph.Data;

namespace ProductQuality.Graph.History;

/// <summary>Filters that turn a table into what was known on a day; translated to SQL on both providers.</summary>
public static class KnownOnQueries
{
    /// <summary>
    /// Derived rows recorded by the end of the day and not superseded by then. Superseded rows are hidden from every
    /// other read by a global query filter; here they are exactly what must be seen, so the filter is replaced.
    /// </summary>
    public static IQueryable<T> AsKnownOn<T>(this IQueryable<T> rows, KnownOn on)
        where T : class, ISupersedable
    {
        var knownBy = on.KnownByUtc;
        return rows.IgnoreQueryFilters()
            .Where(r => r.RecordedAtUtc < knownBy && (r.SupersededAtUtc == null || r.SupersededAtUtc >= knownBy));
    }

    /// <summary>Facts (never superseded) recorded by the end of the day.</summary>
    public static IQueryable<T> RecordedBy<T>(this IQueryable<T> rows, KnownOn on)
        where T : class, IRecorded
    {
        var knownBy = on.KnownByUtc;
        return rows.Where(r => r.RecordedAtUtc < knownBy);
    }

    /// <summary>
    /// Under an <c>asOf</c> day: the derived rows known then and dated on or before it (by <paramref name="dateOf"/>).
    /// Without one (<paramref name="on"/> null): the rows as they are, today's belief.
    /// </summary>
    public static IQueryable<T> InForceOn<T>(this IQueryable<T> rows, KnownOn? on, Expression<Func<T, DateOnly>> dateOf)
        where T : class, ISupersedable =>
        on is { } day ? rows.AsKnownOn(day).Where(OnOrBefore(dateOf, day.Date)) : rows;

    /// <summary>Under an <c>asOf</c> day: the facts recorded by then; without one, all.</summary>
    public static IQueryable<T> RecordedBy<T>(this IQueryable<T> rows, KnownOn? on)
        where T : class, IRecorded =>
        on is { } day ? rows.RecordedBy(day) : rows;

    /// <summary>
    /// Under an <c>asOf</c> day: the facts recorded by then and dated on or before it; without one, all.
    /// </summary>
    public static IQueryable<T> RecordedOn<T>(this IQueryable<T> rows, KnownOn? on,
        Expression<Func<T, DateOnly>> dateOf)
        where T : class, IRecorded =>
        on is { } day ? rows.RecordedBy(day).Where(OnOrBefore(dateOf, day.Date)) : rows;

    // date(row) <= day, with the day as a query parameter rather than a constant, so one SQL text serves every day.
    private static Expression<Func<T, bool>> OnOrBefore<T>(Expression<Func<T, DateOnly>> dateOf, DateOnly day)
    {
        var holder = new DayHolder(day);
        var limit = Expression.Property(Expression.Constant(holder), nameof(DayHolder.Day));
        return Expression.Lambda<Func<T, bool>>(Expression.LessThanOrEqual(dateOf.Body, limit), dateOf.Parameters);
    }

    private sealed record DayHolder(DateOnly Day);
}
