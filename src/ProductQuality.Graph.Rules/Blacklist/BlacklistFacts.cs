namespace ProductQuality.Graph.Rules.Blacklist;

/// <summary>The enforcement history the blacklist rule looks at; events after <see cref="AsOf"/> are ignored.</summary>
public sealed record BlacklistFacts
{
    /// <summary>Date of the evaluation.</summary>
    public required DateOnly AsOf { get; init; }

    /// <summary>Failed samplings with their product.</summary>
    public IReadOnlyList<FailedSampling> FailedSamplings { get; init; } = [];

    /// <summary>Rectification orders (责令整改) with their product.</summary>
    public IReadOnlyList<RectificationOrder> RectificationOrders { get; init; } = [];

    /// <summary>
    /// The day of the last removal, if any: a trigger on or before it was dealt with by that listing and lists no
    /// more, nor is it given as a reason for a new one.
    /// </summary>
    public DateOnly? RemovedOn { get; init; }

    /// <summary>Decisions on serious violations.</summary>
    public IReadOnlyList<SeriousViolationDecision> Decisions { get; init; } = [];
}
