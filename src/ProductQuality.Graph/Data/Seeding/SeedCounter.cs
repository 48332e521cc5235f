using ProductQuality.Graph.Rules.Common;

namespace ProductQuality.Graph.Data.Seeding;

/// <summary>Running totals of what the seeder inserted, kept as batches go by instead of counted afterwards.</summary>
internal sealed class SeedCounter
{
    private readonly Dictionary<string, int> classes =
        new(StringComparer.Ordinal) { ["AA"] = 0, ["A"] = 0, ["B"] = 0, ["C"] = 0 };
    private int enterprises, blacklisted, assured;
    private long inspections, failed, decisions, complaints, assessments, blacklistEvents, assuredEvents;

    public void Add(IEnumerable<GeneratedEnterprise> batch)
    {
        foreach (var b in batch)
        {
            enterprises++;
            classes[b.Enterprise.Class.Code()]++;
            blacklisted += b.Enterprise.IsBlacklisted ? 1 : 0;
            assured += b.Enterprise.IsAssured ? 1 : 0;
            inspections += b.Inspections.Count;
            failed += b.Inspections.Count(i => !i.Passed);
            decisions += b.Decisions.Count;
            complaints += b.Complaints.Count;
            assessments += b.Assessments.Count;
            blacklistEvents += b.BlacklistEvents.Count;
            assuredEvents += b.AssuredEvents.Count;
        }
    }

    public SeedSummary Summary(
        ReferenceDataSet reference, DataSetGenerator generator, int regionAssessments, TimeSpan elapsed) => new()
    {
        Regions = reference.Regions.Count,
        Products = reference.Products.Count,
        Enterprises = enterprises,
        Inspections = inspections,
        FailedInspections = failed,
        EnforcementDecisions = decisions,
        Complaints = complaints,
        RiskWarnings = generator.Warnings.Count,
        EnterpriseAssessments = assessments,
        BlacklistEvents = blacklistEvents,
        AssuredEvents = assuredEvents,
        RegionAssessments = regionAssessments,
        Classes = new Dictionary<string, int>(classes, StringComparer.Ordinal),
        Blacklisted = blacklisted,
        Assured = assured,
        Elapsed = elapsed,
    };
}
