using ProductQuality.Graph.Rules.Assessment;
using ProductQuality.Graph.Rules.Assured;
using ProductQuality.Graph.Rules.Common;

namespace ProductQuality.Graph.Rules.Timeline;

/// <summary>One enterprise's facts replayed through the rules: derived histories and final state.</summary>
/// <param name="Final">The assessment on the last replayed date (today).</param>
/// <param name="ClassEffectiveFrom">When the final class took effect.</param>
/// <param name="Management">Traceability and QMS in force today.</param>
/// <param name="Records">Class, colours and index, one record per change.</param>
/// <param name="Listings">Listings and removals the rule derived (decided ones are facts, not here).</param>
/// <param name="Assured">Grants, revocations and expiries, as derived (an expiry is found after its date).</param>
/// <param name="Snapshots">The state from each change on, to count regions at past dates.</param>
/// <param name="NextDue">
/// The first day after today on which a replay would differ — another cached value or another history row — with no
/// new fact: a sampling or penalty leaves its window, a deferred upgrade falls due, an override or a grant runs out,
/// a listing becomes removable, a product's tier override ends… Null when nothing changes until a new fact.
/// </param>
public sealed record ReplayResult(
    EnterpriseAssessment Final,
    DateOnly ClassEffectiveFrom,
    ManagementFact Management,
    bool Blacklisted,
    DateOnly? BlacklistedSince,
    AssuredGrant? Grant,
    IReadOnlyList<AssessmentRecord> Records,
    IReadOnlyList<ListingRecord> Listings,
    IReadOnlyList<AssuredRecord> Assured,
    IReadOnlyList<StateSnapshot> Snapshots,
    DateOnly? NextDue)
{
    /// <summary>
    /// What today's facts say, whether or not they changed anything (<see cref="ReasonWriter.FactsOn"/>): the reason
    /// of a change reported earlier today that a later write of the day took back. Empty when today has no fact.
    /// </summary>
    public IReadOnlyList<SummaryClause> TodaysFacts { get; init; } = [];

    /// <summary>The state on <paramref name="today"/>, the last replayed day: what the enterprise row caches.</summary>
    public EnterpriseState StateOn(DateOnly today)
    {
        var assured = Grant is { } g && g.IsActiveOn(today);
        return new EnterpriseState(
            Management.Traceability,
            Management.QualitySystem,
            Final.EffectiveClass,
            ClassEffectiveFrom,
            Final.HealthCode.Colour,
            Final.MapColour.Colour,
            Final.QualityIndex.Index,
            Final.MapColour.HighestTier,
            Blacklisted,
            Blacklisted ? BlacklistedSince : null,
            assured,
            assured ? Grant!.ValidUntil : null);
    }
}
