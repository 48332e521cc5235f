namespace ProductQuality.Graph.Rules.Assured;

/// <summary>Input of the assured consumption rule.</summary>
public sealed record AssuredFacts
{
    /// <summary>Date of the evaluation.</summary>
    public required DateOnly AsOf { get; init; }

    /// <summary>
    /// Effective-class history including the class in force now (its latest entry on or before
    /// <see cref="AsOf"/>). Order does not matter.
    /// </summary>
    public IReadOnlyList<ClassChange> ClassHistory { get; init; } = [];

    /// <summary>Currently on the blacklist (黑名单).</summary>
    public bool Blacklisted { get; init; }

    /// <summary>Valid complaints (有效投诉) in the last year.</summary>
    public int ValidComplaintsLastYear { get; init; }

    /// <summary>The most recent grant, if any.</summary>
    public AssuredGrant? CurrentGrant { get; init; }
}
