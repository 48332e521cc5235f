using GraphQL.DataLoader;

namespace ProductQuality.Graph.Infrastructure.Loading;

/// <summary>
/// A per-request batch loader (GraphQL.DataLoader is not served here, so this is ours). Resolvers call
/// <see cref="Load"/>; GraphQL.NET's execution strategy completes every other pending field first, then asks the
/// results for their values, and the first ask fetches all keys collected so far in one query.
/// Not thread-safe by design: queries run with the serial execution strategy (one DbContext per request).
/// </summary>
public abstract class BatchLoader<TKey, TValue>
    where TKey : notnull
{
    private readonly HashSet<TKey> _pending = [];
    private readonly Dictionary<TKey, TValue> _loaded = [];

    public IDataLoaderResult<TValue> Load(TKey key)
    {
        if (!_loaded.ContainsKey(key))
        {
            _pending.Add(key);
        }

        return new PendingResult(this, key);
    }

    /// <summary>
    /// Loads the keys now, in one query, before the fields that will ask for them run: a resolver that knows its page
    /// (and that the query asks for these rows below it) lets those fields answer at once instead of waiting for the
    /// batch (<see cref="LoadedOrPending"/>).
    /// </summary>
    public async Task PrimeAsync(IEnumerable<TKey> keys, CancellationToken cancellationToken)
    {
        var missing = keys.Where(k => !_loaded.ContainsKey(k)).Distinct().ToList();
        if (missing.Count > 0)
        {
            await StoreAsync(missing, cancellationToken);
        }
    }

    /// <summary>
    /// What a resolver returns for the key: its value when loaded already (primed, or by an earlier batch), so the
    /// field completes at once; otherwise a pending result that joins the batch (<see cref="Load"/>).
    /// </summary>
    public object LoadedOrPending(TKey key) => _loaded.TryGetValue(key, out var value) ? value! : Load(key);

    /// <summary>Fetches values for the keys; keys absent from the result get <see cref="ValueWhenMissing"/>.</summary>
    protected abstract Task<IReadOnlyDictionary<TKey, TValue>> FetchAsync(IReadOnlyList<TKey> keys,
        CancellationToken cancellationToken);

    protected abstract TValue ValueWhenMissing(TKey key);

    private async Task<TValue> GetAsync(TKey key, CancellationToken cancellationToken)
    {
        if (_loaded.TryGetValue(key, out var value))
        {
            return value;
        }

        var keys = _pending.Count > 0 ? _pending.ToList() : [key];
        _pending.Clear();
        await StoreAsync(keys, cancellationToken);
        return _loaded[key];
    }

    private async Task StoreAsync(List<TKey> keys, CancellationToken cancellationToken)
    {
        var fetched = await FetchAsync(keys, cancellationToken);
        _loaded.EnsureCapacity(_loaded.Count + keys.Count);
        foreach (var k in keys)
        {
            _loaded[k] = fetched.TryGetValue(k, out var v) ? v : ValueWhenMissing(k);
        }
    }

    private sealed class PendingResult(BatchLoader<TKey, TValue> loader, TKey key) : IDataLoaderResult<TValue>
    {
        public Task<TValue> GetResultAsync(CancellationToken cancellationToken = default) =>
            loader.GetAsync(key, cancellationToken);

        async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) =>
            await GetResultAsync(cancellationToken);
    }
}
