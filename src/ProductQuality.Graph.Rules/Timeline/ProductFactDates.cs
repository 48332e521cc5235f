namespace ProductQuality.Graph.Rules.Timeline;

/// <summary>
/// What a product's grading counts, by date, as of one day: the oldest sampling and complaint still in the
/// sampling window, the oldest risk warning still in its two years, the last day of an override in force, and the
/// first fact dated after the day (a fact counts from its date). The grading changes on the first day one of them
/// leaves its window, runs out or comes in: every count is stated in the grading's explanation, so each of those
/// days changes it.
/// </summary>
public sealed record ProductFactDates(
    DateOnly? OldestSampling,
    DateOnly? OldestComplaint,
    DateOnly? OldestWarning,
    DateOnly? OverrideLastDay,
    DateOnly? FirstFutureFact)
{
    /// <summary>Years a city bulletin counts towards the tier (Rules:ProductTier:BulletinWindowYears).</summary>
    public int WarningWindowYears { get; init; } = 2;

    /// <summary>
    /// The oldest external risk signal still counted (it counts for <see cref="SignalWindowYears"/>).
    /// </summary>
    public DateOnly? OldestSignal { get; init; }

    /// <summary>Years an external risk signal counts towards the tier (Rules:ProductTier:SignalWindowYears).</summary>
    public int SignalWindowYears { get; init; } = 2;

    /// <summary>The first day after <paramref name="today"/> the grading changes without a new fact, or null.</summary>
    public DateOnly? NextDue(DateOnly today, int samplingWindowYears)
    {
        DateOnly?[] candidates =
        [
            OldestSampling is { } s ? InForce.LeavesWindow(s, samplingWindowYears) : null,
            OldestComplaint is { } c ? InForce.LeavesWindow(c, samplingWindowYears) : null,
            OldestWarning is { } w ? InForce.LeavesOpenWindow(w, WarningWindowYears) : null,
            OldestSignal is { } x ? InForce.LeavesOpenWindow(x, SignalWindowYears) : null,
            OverrideLastDay is { } o ? InForce.EndsAfter(o) : null,
            FirstFutureFact,
        ];
        return candidates.Where(d => d > today).Min();
    }
}
