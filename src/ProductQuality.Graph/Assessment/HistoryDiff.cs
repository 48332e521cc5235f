namespace ProductQuality.Graph.Assessment;

/// <summary>
/// Compares a stored derived history with a fresh replay, both in date order. The histories agree up to the first
/// difference; from there the stored rows are superseded and the fresh ones appended. A replay of unchanged facts
/// therefore writes nothing.
/// </summary>
internal static class HistoryDiff
{
    public static (IReadOnlyList<TStored> Superseded, IReadOnlyList<TFresh> Appended) Compare<TStored, TFresh>(
        IReadOnlyList<TStored> stored, IReadOnlyList<TFresh> fresh, Func<TStored, TFresh, bool> same)
    {
        var i = 0;
        while (i < stored.Count && i < fresh.Count && same(stored[i], fresh[i]))
        {
            i++;
        }

        return (stored.Skip(i).ToList(), fresh.Skip(i).ToList());
    }
}
