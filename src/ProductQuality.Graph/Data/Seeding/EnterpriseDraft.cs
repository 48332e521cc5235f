using ProductQuality.Graph.Rules.Enterprises;
using ProductQuality.Graph.Rules.Timeline;

namespace ProductQuality.Graph.Data.Seeding;

/// <summary>
/// The facts of one generated enterprise — place, products, management, samplings, decisions,
/// complaints — drawn from its own random stream, so the same index always gives the same draft.
/// </summary>
internal sealed class EnterpriseDraft
{
    public required int Index { get; init; }
    public required string TownCode { get; init; }
    public required string CountyCode { get; init; }
    public required IReadOnlyList<string> ProductCodes { get; init; }

    /// <summary>Multiplies failure rates: below 1 a careful maker, above 1 a careless one.</summary>
    public required double QualityFactor { get; init; }

    public required DateOnly EstablishedOn { get; init; }

    /// <summary>First day of its supervised history: the later of founding and the history start.</summary>
    public required DateOnly ActiveFrom { get; init; }

    public required IReadOnlyList<ManagementDraft> Management { get; init; }
    public required IReadOnlyList<SamplingDraft> Samplings { get; init; }
    public required IReadOnlyList<DecisionDraft> Decisions { get; init; }
    public required IReadOnlyList<ComplaintDraft> Complaints { get; init; }

    /// <summary>The draft as the facts a replay takes; decisions get their numbers.</summary>
    public EnterpriseFactSet ToFacts(IReadOnlyList<string> decisionNumbers) => new(
        ActiveFrom,
        ProductCodes,
        Management.Select(m => new ManagementFact(m.Date, m.Traceability, m.QualitySystem, m.Note)).ToList(),
        Samplings.Select(s => new SamplingRecord(
            s.Date, s.Passed, s.SafetyItemFailed, s.ProductCode, s.RectificationOrderedOn, s.IsFollowUp)).ToList(),
        Decisions.Select((d, i) => new DecisionFact(d.Date, d.Kind, decisionNumbers[i])).ToList(),
        Complaints.Select(c => c.Date).ToList(),
        [],
        []);
}
