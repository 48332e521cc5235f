namespace ProductQuality.Graph.Changes;

/// <summary>
/// The changes between what the feed said of one value over time (the stored history) and what is true now (the
/// history after a re-evaluation), both in date order. Each history is first reduced to the dates its value
/// changes; they agree up to a first difference, and from its date on the new history's changes are reported — the
/// first also when the change it replaces simply vanished (the value before it stays). A change effective before
/// the first day not yet evaluated revises days the feed already covered: a late fact, reported as a correction. (A
/// catch-up after missed days reports the changes of those days as ordinary ones: the feed had said nothing of them.)
/// A replay that changes nothing reports nothing.
/// </summary>
internal static class StepChanges
{
    /// <param name="today">The day of the re-evaluation.</param>
    /// <param name="unevaluatedFrom">The first day the value had not been evaluated for (the day it fell due, when
    /// days were missed; else today): a change effective before it is a correction. A server down for a fortnight
    /// sent its catch-up's changes as corrections, as if a late fact had revised them (the domain probe).</param>
    /// <param name="retracted">The reason of a correction whose reported change vanished.</param>
    /// <param name="replaced">The reason of today's reported change that today's re-evaluation took back.</param>
    /// <param name="initial">The value in force before a history's first step (not blacklisted, no assured title),
    /// reported when the only steps before a date vanish; null for a kind whose history always has a first step.
    /// A same-day write that took back the day's assured grant left the feed saying GRANTED (the text probe).
    /// </param>
    /// <param name="dayReason">The reason of today's evaluation, when it wrote a row of any kind: why a change of
    /// today was taken back, when this kind's own history has no row of the day to say it.</param>
    public static List<StepChange> Between(IReadOnlyList<Step> stored, IReadOnlyList<Step> current, DateOnly today,
        DateOnly unevaluatedFrom, string retracted, string replaced, string? initial = null, string? dayReason = null)
    {
        var before = Collapse(stored);
        var after = Collapse(current);
        var i = 0;
        while (i < before.Count && i < after.Count && before[i].From == after[i].From
            && SameValue(before[i], after[i]))
        {
            i++;
        }

        var changes = new List<StepChange>();
        if (i == before.Count && i == after.Count)
        {
            return changes;
        }

        var from = i >= after.Count ? before[i].From
            : i >= before.Count ? after[i].From
            : Min(before[i].From, after[i].From);
        var told = ValueOn(before, from);
        if (i >= after.Count || after[i].From > from)
        {
            // What was reported from this date on is gone: the value in force is the one before it.
            var kept = ValueOn(after, from) ?? (initial is null ? null : new Step(from, initial, null, replaced));
            if (kept is not null && !SameValue(kept, told))
            {
                changes.Add(new(from, told?.Value, kept.Value, kept.ValidUntil,
                    from < today ? retracted : TodaysReason(current, from) ?? dayReason ?? replaced, from < today));
            }

            told = kept;
        }

        for (var j = i; j < after.Count; j++)
        {
            var correction = after[j].From < Min(today, unevaluatedFrom);
            changes.Add(new(after[j].From, told?.Value, after[j].Value, after[j].ValidUntil,
                correction && !Follows(told, j > 0 ? after[j - 1] : null) ? retracted : after[j].Reason,
                correction));
            told = after[j];
        }

        return changes;
    }

    // Dates on which the value changes: a later row of the same date replaces an earlier one, and a row repeating
    // the value in force (another kind changed that day) is no change of this kind.
    private static List<Step> Collapse(IReadOnlyList<Step> steps)
    {
        var changes = new List<Step>();
        foreach (var step in steps)
        {
            if (changes.Count > 0 && changes[^1].From == step.From)
            {
                changes.RemoveAt(changes.Count - 1);
            }

            if (changes.Count == 0 || !SameValue(changes[^1], step))
            {
                changes.Add(step);
            }
        }

        return changes;
    }

    // Today's change taken back by a later write of the day: why is that day's evaluation, when it wrote a row (another
    // kind changed) — its reason names the day's facts, each reader seeing those it may. The regulator read only
    // "re-evaluated" for a class that fell back the same day under a penalty (the text probe).
    private static string? TodaysReason(IReadOnlyList<Step> current, DateOnly day) =>
        current.LastOrDefault(s => s.From == day)?.Reason;

    // Whether a revised step's reason explains an event from the value told: it explains the step from the revised
    // value before it. A late fact that made an upgrade to AA one to A sent "AA → A" with the reason "upgraded" (the
    // text probe); such an event, from a value the revision replaced on the same date, is the correction itself.
    private static bool Follows(Step? told, Step? revisedBefore) => told?.Value == revisedBefore?.Value;

    private static Step? ValueOn(List<Step> steps, DateOnly day) => steps.LastOrDefault(s => s.From <= day);

    private static bool SameValue(Step? a, Step? b) =>
        a is not null && b is not null && a.Value == b.Value && a.ValidUntil == b.ValidUntil;

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
}
