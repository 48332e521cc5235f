namespace ProductQuality.Graph.Infrastructure.Loading;

/// <summary>A batch loader whose value per key is a list (one-to-many), empty when nothing matches.</summary>
public abstract class ListBatchLoader<TKey, TItem> : BatchLoader<TKey, IReadOnlyList<TItem>>
    where TKey : notnull
{
    protected sealed override IReadOnlyList<TItem> ValueWhenMissing(TKey key) => [];

    protected static IReadOnlyDictionary<TKey, IReadOnlyList<TItem>> GroupBy(IEnumerable<TItem> items,
        Func<TItem, TKey> keyOf) =>
        items.GroupBy(keyOf).ToDictionary(g => g.Key, g => (IReadOnlyList<TItem>)g.ToList());
}
