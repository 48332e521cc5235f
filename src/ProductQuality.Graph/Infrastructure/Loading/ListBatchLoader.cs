namespace ProductQuality.Graph.Infrastructure.Loading;

/// <summary>A batch loader whose value per key is a list (one-to-many), empty when nothing matches.</summary>
public abstract class ListBatchLoader<TKey, TItem> : BatchLoader<TKey, IReadOnlyList<TItem>>
    where TKey : notnull
{
    protected sealed override IReadOnlyList<TItem> ValueWhenMissing(TKey key) => [];

    /// <summary>
    /// Each key's list of items, in the rows' order; a list per key and nothing more. Sized for the batch's keys up
    /// front: grown from empty, a page's 100 keys reallocated its entries seven times.
    /// </summary>
    protected static IReadOnlyDictionary<TKey, IReadOnlyList<TItem>> GroupBy<TRow>(IEnumerable<TRow> rows,
        int keyCount, Func<TRow, TKey> keyOf, Func<TRow, TItem> itemOf)
    {
        var lists = new Dictionary<TKey, IReadOnlyList<TItem>>(keyCount);
        foreach (var row in rows)
        {
            var key = keyOf(row);
            if (!lists.TryGetValue(key, out var list))
            {
                list = new List<TItem>();
                lists[key] = list;
            }

            ((List<TItem>)list).Add(itemOf(row));
        }

        return lists;
    }
}
