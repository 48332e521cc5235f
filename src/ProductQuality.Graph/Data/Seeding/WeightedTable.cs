namespace ProductQuality.Graph.Data.Seeding;

/// <summary>Draws items in proportion to their weights (cumulative table, binary search).</summary>
internal sealed class WeightedTable<T>
{
    private readonly T[] items;
    private readonly double[] cumulative;

    public WeightedTable(IEnumerable<KeyValuePair<T, double>> weights)
    {
        var list = weights.Where(w => w.Value > 0).ToList();
        if (list.Count == 0)
        {
            throw new ArgumentException("A weighted table needs at least one positive weight.", nameof(weights));
        }

        items = list.Select(w => w.Key).ToArray();
        cumulative = new double[list.Count];
        double sum = 0;
        for (var i = 0; i < list.Count; i++)
        {
            sum += list[i].Value;
            cumulative[i] = sum;
        }
    }

    public int Count => items.Length;

    public T Next(Random random)
    {
        var x = random.NextDouble() * cumulative[^1];
        var i = Array.BinarySearch(cumulative, x);
        return items[Math.Min(i < 0 ? ~i : i + 1, items.Length - 1)];
    }
}
