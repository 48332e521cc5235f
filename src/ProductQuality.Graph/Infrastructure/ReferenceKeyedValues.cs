namespace ProductQuality.Graph.Infrastructure;

/// <summary>
/// A few values by key, keys compared by reference: what a parsed document learns per schema or object type (a
/// contract's schema, the one type a selection set is completed for). Reads take no lock: adding copies the array,
/// so a reader sees the old one or the new one. Meant for a handful of keys; a lookup is a linear scan.
/// </summary>
internal sealed class ReferenceKeyedValues<TKey, TValue>
    where TKey : class
{
    private readonly Lock _adding = new();
    private (TKey Key, TValue Value)[] _entries = [];

    public bool TryGet(TKey key, out TValue value)
    {
        foreach (var entry in _entries)
        {
            if (ReferenceEquals(entry.Key, key))
            {
                value = entry.Value;
                return true;
            }
        }

        value = default!;
        return false;
    }

    /// <summary>Adds the value unless the key has one already (two requests may learn the same thing at once).
    /// </summary>
    public void Add(TKey key, TValue value)
    {
        lock (_adding)
        {
            if (!TryGet(key, out _))
            {
                _entries = [.. _entries, (key, value)];
            }
        }
    }
}
