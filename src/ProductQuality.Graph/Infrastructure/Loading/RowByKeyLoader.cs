namespace ProductQuality.Graph.Infrastructure.Loading;

/// <summary>One-to-one loader (e.g. a region by its code); a missing key loads as null.</summary>
public sealed class RowByKeyLoader<TKey, TRow>(
    Func<IReadOnlyList<TKey>, CancellationToken, Task<List<TRow>>> fetch,
    Func<TRow, TKey> keyOf) : BatchLoader<TKey, TRow?>
    where TKey : notnull
    where TRow : class
{
    protected override async Task<IReadOnlyDictionary<TKey, TRow?>> FetchAsync(IReadOnlyList<TKey> keys,
        CancellationToken cancellationToken) =>
        (await fetch(keys, cancellationToken)).ToDictionary(keyOf, r => (TRow?)r);

    protected override TRow? ValueWhenMissing(TKey key) => null;
}
