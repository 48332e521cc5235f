namespace ProductQuality.Graph.Data.Seeding;

/// <summary>What to seed: the same request always gives the same data set.</summary>
/// <param name="Enterprises">Number of enterprises (3,000 for Jiaxing; up to 1,000,000).</param>
/// <param name="RandomSeed">Seed of the generator.</param>
/// <param name="Today">The last day of the five-year history; "today" is a parameter so that runs repeat.</param>
public sealed record SeedRequest(int Enterprises, int RandomSeed, DateOnly Today);
