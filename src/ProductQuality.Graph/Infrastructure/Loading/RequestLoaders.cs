namespace ProductQuality.Graph.Infrastructure.Loading;

/// <summary>
/// The loaders of one request, created on first use by name, so every field of the request shares batches.
/// </summary>
public sealed class RequestLoaders
{
    private readonly Dictionary<string, object> _loaders = [];

    /// <summary>
    /// The loader of that name, made by <paramref name="create"/> from <paramref name="state"/> the first time. The
    /// state is passed instead of captured: resolvers ask once per row (100 times for a page), and a capturing
    /// factory would be a new closure every time although only the first is used.
    /// </summary>
    public T GetOrAdd<T, TState>(string name, TState state, Func<TState, T> create)
        where T : class
    {
        if (!_loaders.TryGetValue(name, out var loader))
        {
            loader = create(state);
            _loaders[name] = loader;
        }

        return (T)loader;
    }

    /// <summary>
    /// Drops every loader and what it cached: after a write (mutations run one at a time) a later payload of the same
    /// request must read the new state, not rows loaded for an earlier one.
    /// </summary>
    public void Forget() => _loaders.Clear();
}
