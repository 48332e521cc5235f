namespace ProductQuality.Graph.Infrastructure.Loading;

/// <summary>
/// One-to-many loader from a fetch over a batch of keys: the common shape "rows of these enterprises".
/// </summary>
public sealed class RowsByKeyLoader<TKey, TRow>(
    Func<IReadOnlyList<TKey>, CancellationToken, Task<List<TRow>>> fetch,
    Func<TRow, TKey> keyOf) : ListBatchLoader<TKey, TRow>
    where TKey : notnull
{
    protected override async Task<IReadOnlyDictionary<TKey, IReadOnlyList<TRow>>> FetchAsync(IReadOnlyList<TKey> keys,
        CancellationToken cancellationToken) =>
        GroupBy(await fetch(keys, cancellationToken), keys.Count, keyOf, static row => row);
}
