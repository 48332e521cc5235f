using ProductQuality.Graph.Assured;
using ProductQuality.Graph.Blacklist;
using ProductQuality.Graph.Enterprises;
using ProductQuality.Graph.Rules.Assessment;
using ProductQuality.Graph.Rules.Assured;

namespace ProductQuality.Graph.Data.Seeding;

/// <summary>The result of replaying one enterprise's history through the rules.</summary>
internal sealed record AssessedEnterprise(
    EnterpriseAssessment Final,
    DateOnly ClassEffectiveFrom,
    bool Blacklisted,
    DateOnly? BlacklistedSince,
    AssuredGrant? Grant,
    List<EnterpriseAssessmentRecord> Records,
    List<BlacklistEvent> BlacklistEvents,
    List<AssuredEvent> AssuredEvents,
    List<StateSnapshot> Snapshots);
