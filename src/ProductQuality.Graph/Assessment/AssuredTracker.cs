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
                Add(AssuredEventKind.Granted, asOf, until, renewal ? "续期 renewed" : null, result.Explanation);
                return until.AddDays(1);
            case AssuredStatus.Revoked:
                Grant = null;
                Add(AssuredEventKind.Revoked, asOf, null, null, result.Explanation);
                return null;
            case AssuredStatus.NotEligible when Grant is not null && asOf > Grant.ValidUntil:
                var expired = Grant.ValidUntil.AddDays(1);
                Grant = null;
                Add(AssuredEventKind.Expired, expired, null, "期满 expired, not renewed", result.Explanation);
                return null;
            default:
                return null;
        }
    }

    // The reason is the event, then the rule's headline and clauses, each tagged with its facts: the public reads the
    // event and the headline (assured facts) but not the class or complaints behind them.
    private void Add(AssuredEventKind kind, DateOnly on, DateOnly? validUntil, string? lead, Explanation explanation)
    {
        var parts = new List<SummaryClause>();
        if (lead is not null)
        {
            parts.Add(new(lead, [FactGroup.Assured]));
        }

        parts.Add(new(explanation.Headline ?? explanation.Outcome, [FactGroup.Assured]));
        parts.AddRange(explanation.Clauses ?? []);
        Events.Add(new AssuredEvent
        {
            Kind = kind, OccurredOn = on, ValidUntil = validUntil,
            Reason = ReasonJson.Serialize(parts), Explanation = ExplanationJson.Serialize(explanation),
            RecordedAtUtc = Stamp.At(on, 5),
        });
    }
}
