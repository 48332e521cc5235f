using ProductQuality.Graph.Rules.Assured;
using ProductQuality.Graph.Rules.Common;

namespace ProductQuality.Graph.Rules.Timeline;

/// <summary>
/// Turns the assured-consumption decisions (放心消费单位) of successive assessments into records: a grant,
/// a renewal when a grant runs out while the conditions still hold, a revocation, or an expiry.
/// </summary>
public sealed class AssuredTracker
{
    private readonly List<AssuredRecord> records = [];

    public AssuredGrant? Grant { get; private set; }

    public IReadOnlyList<AssuredRecord> Records => records;

    /// <summary>
    /// Records what the rule decided on <paramref name="asOf"/>; returns the date to look again, if any.
    /// </summary>
    public DateOnly? Update(DateOnly asOf, AssuredConsumptionResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        switch (result.Status)
        {
            case AssuredStatus.Granted:
                var until = result.ValidUntil!.Value;
                var renewal = Grant is not null && InForce.EndsAfter(Grant.ValidUntil) == asOf;
                Grant = new AssuredGrant(asOf, until);
                Add(AssuredEventKind.Granted, asOf, until, renewal ? "续期 renewed" : null, result.Explanation);
                return InForce.EndsAfter(until);
            case AssuredStatus.Revoked:
                Grant = null;
                Add(AssuredEventKind.Revoked, asOf, null, null, result.Explanation);
                return null;
            case AssuredStatus.NotEligible when Grant is not null && !InForce.Within(asOf, null, Grant.ValidUntil):
                var expired = InForce.EndsAfter(Grant.ValidUntil);
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
        records.Add(new AssuredRecord(kind, on, validUntil, parts, explanation));
    }
}
