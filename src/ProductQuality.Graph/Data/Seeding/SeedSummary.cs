namespace ProductQuality.Graph.Data.Seeding;

/// <summary>What the seeder wrote, and the resulting mix of classes and listings.</summary>
public sealed record SeedSummary
{
    public int Regions { get; init; }
    public int Products { get; init; }
    public int Enterprises { get; init; }
    public long Inspections { get; init; }
    public long FailedInspections { get; init; }
    public long EnforcementDecisions { get; init; }
    public long Complaints { get; init; }
    public int RiskWarnings { get; init; }
    public long EnterpriseAssessments { get; init; }
    public long BlacklistEvents { get; init; }
    public long AssuredEvents { get; init; }
    public int RegionAssessments { get; init; }

    /// <summary>Enterprises by class in force today: AA, A, B, C.</summary>
    public IReadOnlyDictionary<string, int> Classes { get; init; } = new Dictionary<string, int>();
    public int Blacklisted { get; init; }
    public int Assured { get; init; }

    /// <summary>Wall-clock time of the seeding (not part of the data).</summary>
    public TimeSpan Elapsed { get; init; }
}
