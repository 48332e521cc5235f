namespace ProductQuality.Graph.Infrastructure.Loading;

/// <summary>
/// The loaders of one request, created on first use by name, so every field of the request shares batches.
/// </summary>
public sealed class RequestLoaders
{
    private readonly Dictionary<string, object> _loaders = [];

    public T GetOrAdd<T>(string name, Func<T> create)
        where T : class
    {
        if (!_loaders.TryGetValue(name, out var loader))
        {
            loader = create();
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
