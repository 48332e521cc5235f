namespace ProductQuality.Graph.Assessment;

/// <summary>
/// The first day an enterprise's or product's values had not been evaluated for: the day it fell due, when days were
/// missed (a stopped server, a daily run not yet done), else today. The re-grading of a product due starts there, and
/// the feed reports changes from it on as news, those before it as corrections.
/// </summary>
internal static class DueDay
{
    public static DateOnly FirstUnevaluated(DateOnly? nextDue, DateOnly today) =>
        nextDue is { } due && due < today ? due : today;
}
