namespace ProductQuality.Graph.Data.Seeding;

/// <summary>A progress report of the seeder.</summary>
/// <param name="Phase">What is being done, e.g. "enterprises".</param>
/// <param name="Done">Units done in this phase.</param>
/// <param name="Total">Units in this phase.</param>
public sealed record SeedProgress(string Phase, int Done, int Total);
