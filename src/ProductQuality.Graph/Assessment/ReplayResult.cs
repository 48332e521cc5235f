using ProductQuality.Graph.Assured;
using ProductQuality.Graph.Blacklist;
using ProductQuality.Graph.Enterprises;
using ProductQuality.Graph.Rules.Assessment;
using ProductQuality.Graph.Rules.Assured;

namespace ProductQuality.Graph.Assessment;

/// <summary>The result of replaying one enterprise's facts through the rules: its derived histories and final state.</summary>
/// <param name="Final">The assessment on the last replayed date (today).</param>
/// <param name="ClassEffectiveFrom">When the final class took effect.</param>
/// <param name="Management">Traceability and QMS in force today.</param>
/// <param name="Records">Class, colours and index, one row per change.</param>
/// <param name="BlacklistEvents">Listings and removals the rule derived (decided ones are facts, not here).</param>
/// <param name="AssuredEvents">Grants, revocations and expiries.</param>
/// <param name="Snapshots">The state from each change on, to count regions at past dates.</param>
public sealed record ReplayResult(
    EnterpriseAssessment Final,
    DateOnly ClassEffectiveFrom,
    ManagementFact Management,
    bool Blacklisted,
    DateOnly? BlacklistedSince,
    AssuredGrant? Grant,
    List<EnterpriseAssessmentRecord> Records,
    List<BlacklistEvent> BlacklistEvents,
    List<AssuredEvent> AssuredEvents,
    List<StateSnapshot> Snapshots)
{
    /// <summary>Copies the final state into the enterprise row's cached columns.</summary>
    public void ApplyTo(Enterprise enterprise, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(enterprise);
        var assured = Grant is { } g && g.IsActiveOn(today);
        enterprise.Traceability = Management.Traceability;
        enterprise.QualitySystem = Management.QualitySystem;
        enterprise.Class = Final.EffectiveClass;
        enterprise.ClassEffectiveFrom = ClassEffectiveFrom;
        enterprise.HealthCode = Final.HealthCode.Colour;
        enterprise.MapColour = Final.MapColour.Colour;
        enterprise.QualityIndex = Final.QualityIndex.Index;
        enterprise.HighestTier = Final.MapColour.HighestTier;
        enterprise.IsBlacklisted = Blacklisted;
        enterprise.BlacklistedSince = Blacklisted ? BlacklistedSince : null;
        enterprise.IsAssured = assured;
        enterprise.AssuredUntil = assured ? Grant!.ValidUntil : null;
    }
}
