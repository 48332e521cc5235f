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
        return rows.IgnoreQueryFilters().Where(r => r.RecordedAtUtc < knownBy && (r.SupersededAtUtc == null || r.SupersededAtUtc >= knownBy));
    }

    /// <summary>Facts (never superseded) recorded by the end of the day.</summary>
    public static IQueryable<T> RecordedBy<T>(this IQueryable<T> rows, KnownOn on)
        where T : class, IRecorded
    {
        var knownBy = on.KnownByUtc;
        return rows.Where(r => r.RecordedAtUtc < knownBy);
    }
}
