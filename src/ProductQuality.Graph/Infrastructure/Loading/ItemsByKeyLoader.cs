namespace ProductQuality.Graph.Infrastructure.Loading;

/// <summary>
/// One-to-many loader that keeps a part of each fetched row (e.g. the product of an enterprise–product row), the
/// rows sorted once per batch, so each key's list is ready as fetched.
/// </summary>
public sealed class ItemsByKeyLoader<TKey, TRow, TItem>(
    Func<IReadOnlyList<TKey>, CancellationToken, Task<List<TRow>>> fetch,
    Func<TRow, TKey> keyOf,
    Func<TRow, TItem> itemOf,
    Comparison<TRow> sort) : ListBatchLoader<TKey, TItem>
    where TKey : notnull
{
    protected override async Task<IReadOnlyDictionary<TKey, IReadOnlyList<TItem>>> FetchAsync(
        IReadOnlyList<TKey> keys, CancellationToken cancellationToken)
    {
        var rows = await fetch(keys, cancellationToken);
        rows.Sort(sort);
        return GroupBy(rows, keys.Count, keyOf, itemOf);
    }
}
