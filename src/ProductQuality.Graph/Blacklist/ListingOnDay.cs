using Microsoft.EntityFrameworkCore;
using ProductQuality.Graph.Data;
using ProductQuality.Graph.Rules.Blacklist;

namespace ProductQuality.Graph.Blacklist;

/// <summary>
/// Whether an enterprise was on the blacklist when a decision dated <c>day</c> takes effect, from its recorded events
/// (the rule's and the regulator's). The replay applies a day's decisions before the rule's events of that day, so a
/// decision meets every event before its day and the decisions of its day already recorded; like the replay, only a
/// listing of an unlisted enterprise and a removal of a listed one change anything. A decision checked against
/// today's state instead (a removal dated before any listing, a listing dated after a removal) was recorded, answered
/// as done, and then ignored by the replay.
/// </summary>
internal sealed record ListingOnDay(bool Listed, DateOnly? Since, bool RuleListsThatDay)
{
    public static async Task<ListingOnDay> OfAsync(
        ProductQualityDbContext db, int enterpriseId, DateOnly day, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var events = await db.BlacklistEvents.AsNoTracking()
            .Where(b => b.EnterpriseId == enterpriseId && b.OccurredOn <= day)
            .Select(b => new { b.Kind, b.OccurredOn, b.Source, b.Id })
            .ToListAsync(ct);

        var listed = false;
        DateOnly? since = null;
        var met = events.Where(e => e.OccurredOn < day || e.Source == BlacklistEventSource.Decision)
            .OrderBy(e => e.OccurredOn).ThenBy(e => e.Source == BlacklistEventSource.Rule ? 1 : 0).ThenBy(e => e.Id);
        foreach (var e in met)
        {
            if (e.Kind == BlacklistEventKind.Listed && !listed)
            {
                (listed, since) = (true, e.OccurredOn);
            }
            else if (e.Kind == BlacklistEventKind.Removed && listed)
            {
                (listed, since) = (false, null);
            }
        }

        return new ListingOnDay(listed, since, events.Any(e => e.OccurredOn == day
            && e.Source == BlacklistEventSource.Rule && e.Kind == BlacklistEventKind.Listed));
    }
}
