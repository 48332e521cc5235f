namespace ProductQuality.Graph.Data.Seeding;

/// <summary>
/// Deterministic randomness. Each enterprise draws from its own <see cref="Random"/> seeded from
/// (seed, index, stream), so that any enterprise can be regenerated alone — the generator makes two
/// passes (statistics, then rows) without holding a million histories in memory.
/// </summary>
internal static class SeedRandom
{
    /// <summary>A well-mixed 31-bit seed for one stream of one enterprise (SplitMix64 finaliser).</summary>
    public static int For(int seed, int index, int stream)
    {
        var z = unchecked(((ulong)(uint)seed << 32) ^ ((ulong)(uint)index * 0x9E3779B97F4A7C15UL)
            ^ ((ulong)stream * 0xBF58476D1CE4E5B9UL));
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        return (int)((z ^ (z >> 31)) & int.MaxValue);
    }

    public static Random Create(int seed, int index, int stream) => new(For(seed, index, stream));

    public static bool Chance(this Random random, double probability) => random.NextDouble() < probability;

    public static T Pick<T>(this Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];

    /// <summary>A day in [from, to], both inclusive.</summary>
    public static DateOnly DayBetween(this Random random, DateOnly from, DateOnly to) =>
        to <= from ? from : from.AddDays(random.Next(to.DayNumber - from.DayNumber + 1));

    /// <summary>Standard normal (Box–Muller).</summary>
    public static double Normal(this Random random)
    {
        var u = 1.0 - random.NextDouble();
        var v = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u)) * Math.Cos(2.0 * Math.PI * v);
    }

    /// <summary>
    /// Days to the next event of a Poisson process with <paramref name="perYear"/> events a year; capped at
    /// a century, which is "never" for a five-year history and keeps dates far from DateOnly.MaxValue.
    /// </summary>
    public static int DaysToNext(this Random random, double perYear) =>
        1 + (int)Math.Min(36_500, -Math.Log(1.0 - random.NextDouble()) * 365.25 / perYear);
}
