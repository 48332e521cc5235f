using ProductQuality.Graph.Assured;
using ProductQuality.Graph.Data;
using ProductQuality.Graph.Data.Seeding;
using ProductQuality.Graph.Rules.Assured;
using ProductQuality.Graph.Rules.Common;

namespace ProductQuality.Graph.Assessment;

/// <summary>
/// Turns the assured-consumption decisions (放心消费单位) of successive assessments into events: a grant,
/// a renewal when a grant runs out while the conditions still hold, a revocation, or an expiry.
/// </summary>
public sealed class AssuredTracker
{
    public AssuredGrant? Grant { get; private set; }
    public List<AssuredEvent> Events { get; } = [];

    /// <summary>Records what the rule decided on <paramref name="asOf"/>; returns the date to look again, if any.</summary>
    public DateOnly? Update(DateOnly asOf, AssuredConsumptionResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        switch (result.Status)
        {
            case AssuredStatus.Granted:
                var until = result.ValidUntil!.Value;
                var renewal = Grant is not null && Grant.ValidUntil.AddDays(1) == asOf;
                Grant = new AssuredGrant(asOf, until);
                Add(AssuredEventKind.Granted, asOf, until, (renewal ? "续期 renewed: " : string.Empty) + result.Explanation.Summary, result.Explanation);
                return until.AddDays(1);
            case AssuredStatus.Revoked:
                Grant = null;
                Add(AssuredEventKind.Revoked, asOf, null, result.Explanation.Summary, result.Explanation);
                return null;
            case AssuredStatus.NotEligible when Grant is not null && asOf > Grant.ValidUntil:
                var expired = Grant.ValidUntil.AddDays(1);
                Grant = null;
                Add(AssuredEventKind.Expired, expired, null, $"期满 expired; not renewed: {result.Explanation.Summary}", result.Explanation);
                return null;
            default:
                return null;
        }
    }

    private void Add(AssuredEventKind kind, DateOnly on, DateOnly? validUntil, string reason, Explanation explanation) => Events.Add(new AssuredEvent
    {
        Kind = kind, OccurredOn = on, ValidUntil = validUntil,
        Reason = reason.Length <= 1000 ? reason : reason[..1000], Explanation = ExplanationJson.Serialize(explanation), RecordedAtUtc = Stamp.At(on, 5),
    });
}
