using GraphQL;
using GraphQL.DataLoader;
using ProductQuality.Graph.Data;
using ProductQuality.Graph.History;
using ProductQuality.Graph.Infrastructure.Clock;
using ProductQuality.Graph.Infrastructure.Loading;
using ProductQuality.Graph.Schema;

namespace ProductQuality.Graph.Recording;

/// <summary>
/// The override in force (on the <c>asOf</c> day, if any) for a page of subjects, in one statement rather than one
/// per row. Class and tier overrides differ only in their rows, their key and which row is in force.
/// </summary>
public static class OverrideLoading
{
    public static IDataLoaderResult<TRow?> InForce<TKey, TRow>(
        IResolveFieldContext context,
        string name,
        TKey key,
        Func<ProductQualityDbContext, IReadOnlyList<TKey>, DateOnly, IQueryable<TRow>> rowsUpTo,
        Func<TRow, TKey> keyOf,
        Func<IEnumerable<TRow>, DateOnly, TRow?> inForce)
        where TKey : notnull
        where TRow : class, IRecorded
    {
        var on = context.AsOf();
        var today = on?.Date ?? context.Service<BureauClock>().Today;
        return context.RowsLoader<TKey, TRow>(name + on?.LoaderSuffix,
                (db, keys) => rowsUpTo(db, keys, today).RecordedBy(on), keyOf)
            .Load(key)
            .Then(rows => inForce(rows, today));
    }
}
