using GraphQL;
using GraphQL.DataLoader;
using Microsoft.EntityFrameworkCore;
using ProductQuality.Graph.History;
using ProductQuality.Graph.Schema;

namespace ProductQuality.Graph.Signals;

/// <summary>Batched signal look-ups.</summary>
public static class SignalLoaders
{
    /// <summary>
    /// A product's external signals, newest first; under an <c>asOf</c> root, those published by that day and recorded
    /// by its end, as the bureau knew them then.
    /// </summary>
    public static IDataLoaderResult<IReadOnlyList<ExternalRiskSignal>> SignalsOf(this IResolveFieldContext context,
        string productCode)
    {
        var on = context.AsOf();
        return context.RowsLoader<string, ExternalRiskSignal>("signals-by-product" + on?.LoaderSuffix,
            (db, codes) => db.ExternalRiskSignals.AsNoTracking().RecordedOn(on, s => s.PublishedOn)
                .Where(s => codes.Contains(s.ProductCode))
                .OrderByDescending(s => s.PublishedOn).ThenByDescending(s => s.Id),
            s => s.ProductCode).Load(productCode);
    }
}
