namespace ProductQuality.Graph.Rules.Timeline;

/// <summary>
/// What is in force on a day: the one definition the replay, <c>asOf</c> and the write path share, so a state read
/// back from the histories equals the state the replay cached. Dated entries (a management status, a grading, a
/// manual decision) take effect on their date and hold until a later one takes effect; entries of the same date
/// count in the order they were recorded. A period (an override, a grant) holds from its first through its last
/// day, both inclusive, and is out of force from the day after.
/// </summary>
public static class InForce
{
    /// <summary>The newest entry effective on or before the day (the last such in recorded order), or null.</summary>
    public static T? Latest<T>(IEnumerable<T> inOrder, Func<T, DateOnly> effectiveFrom, DateOnly day)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(inOrder);
        ArgumentNullException.ThrowIfNull(effectiveFrom);
        T? found = null;
        foreach (var entry in inOrder)
        {
            if (effectiveFrom(entry) <= day)
            {
                found = entry;
            }
        }

        return found;
    }

    /// <summary>
    /// A status in force: as <see cref="Latest{T}"/>, but before the first entry the first one holds — a status is
    /// recorded with the subject (an enterprise's registration, a product's first grading) and describes it from then.
    /// </summary>
    public static T? LatestOrFirst<T>(IReadOnlyList<T> inOrder, Func<T, DateOnly> effectiveFrom, DateOnly day)
        where T : class =>
        Latest(inOrder, effectiveFrom, day) ?? (inOrder.Count > 0 ? inOrder[0] : null);

    /// <summary>True while the day lies within a period; a null first day means the period has no start.</summary>
    public static bool Within(DateOnly day, DateOnly? firstDay, DateOnly lastDay) =>
        (firstDay is null || firstDay.Value <= day) && day <= lastDay;

    /// <summary>The first day a period whose last day is <paramref name="lastDay"/> is no longer in force.</summary>
    public static DateOnly EndsAfter(DateOnly lastDay) => lastDay.AddDays(1);

    /// <summary>
    /// The first day a fact of <paramref name="date"/> is outside the inclusive window [day − N years, day] that
    /// samplings and penalties are counted in (<c>date &lt; day.AddYears(−N)</c>). Found from the window's own
    /// test rather than as <c>date + N years + 1 day</c>, which is a day early for a window ending on 29 February.
    /// </summary>
    public static DateOnly LeavesWindow(DateOnly date, int years) =>
        FirstDay(date.AddYears(years).AddDays(1), day => day.AddYears(-years) > date);

    /// <summary>
    /// The first day a fact of <paramref name="date"/> is outside the window (day − N years, day] that complaints
    /// and warnings are counted in (<c>date &gt; day.AddYears(−N)</c> no longer holds).
    /// </summary>
    public static DateOnly LeavesOpenWindow(DateOnly date, int years) =>
        FirstDay(date.AddYears(years), day => day.AddYears(-years) >= date);

    /// <summary>
    /// The first day a run that started on <paramref name="start"/> has lasted <paramref name="years"/> years in the
    /// sense of <c>start &lt;= day.AddYears(−N)</c> (the assured title's years at class A).
    /// </summary>
    public static DateOnly RunReaches(DateOnly start, int years) =>
        FirstDay(start.AddYears(years), day => day.AddYears(-years) >= start);

    // The first day a condition holds that, once true, stays true (AddYears is monotone): from a guess within a
    // few days of it, step back while the day before still holds, then forward until it holds.
    private static DateOnly FirstDay(DateOnly guess, Func<DateOnly, bool> holds)
    {
        var day = guess;
        while (holds(day.AddDays(-1)))
        {
            day = day.AddDays(-1);
        }

        while (!holds(day))
        {
            day = day.AddDays(1);
        }

        return day;
    }

    /// <summary>
    /// The manual decision (人工调整) standing on the day: the newest decided by then, or null when that one withdraws
    /// the decision before it. It may have expired: the rules state an expired decision as ignored.
    /// </summary>
    public static T? Decided<T>(
        IEnumerable<T> inOrder, Func<T, DateOnly> effectiveFrom, Func<T, bool> withdraws, DateOnly day)
        where T : class =>
        Latest(inOrder, effectiveFrom, day) is { } decided && !withdraws(decided) ? decided : null;

    /// <summary>The manual decision in force on the day: the one <see cref="Decided{T}"/> names, unless it expired.
    /// </summary>
    public static T? Override<T>(
        IEnumerable<T> inOrder, Func<T, DateOnly> effectiveFrom, Func<T, bool> withdraws, Func<T, DateOnly> expiresOn,
        DateOnly day)
        where T : class =>
        Decided(inOrder, effectiveFrom, withdraws, day) is { } decided && Within(day, null, expiresOn(decided))
            ? decided
            : null;
}
