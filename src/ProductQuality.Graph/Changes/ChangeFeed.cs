using Microsoft.EntityFrameworkCore;
using ProductQuality.Graph.Data;

namespace ProductQuality.Graph.Changes;

/// <summary>
/// The feed in id order — commit order, see <see cref="ChangeLog"/> — filtered in SQL by the reader's kinds and row
/// scope: a county bureau reads its own county's enterprise changes and every product's. The public's kinds are the
/// published lists' (blacklist, assured), and it reads every change of them, removals and expiries included, as the
/// lists publish them.
/// </summary>
public sealed class ChangeFeed : IChangeFeed
{
    public async Task<ChangePage> ReadAsync(ProductQualityDbContext db, ChangeFeedRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(request);
        var after = request.After;
        var visible = Visible(db, request).Where(c => c.Id > after);
        if (request.First == 0)
        {
            // Nothing to read, only where the reader's feed ends now: the position to follow from after a snapshot.
            var newest = request.Kinds.Count == 0 ? null : await visible.MaxAsync(c => (long?)c.Id, ct);
            return new ChangePage([], false, newest ?? after);
        }

        var rows = await visible.OrderBy(c => c.Id).Take(request.First + 1).ToListAsync(ct);
        var events = rows.Take(request.First).ToList();
        return new ChangePage(events, rows.Count > request.First, events.Count > 0 ? events[^1].Id : after);
    }

    public async Task<int> CountAsync(ProductQualityDbContext db, ChangeFeedRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(request);
        return await Visible(db, request).CountAsync(ct);
    }

    public async Task<long> HeadAsync(ProductQualityDbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        return await db.ChangeEvents.MaxAsync(c => (long?)c.Id, ct) ?? 0;
    }

    private static IQueryable<ChangeEvent> Visible(ProductQualityDbContext db, ChangeFeedRequest request)
    {
        var kinds = request.Kinds.ToList();
        var county = request.Audience.Rows.County;
        var visible = db.ChangeEvents.AsNoTracking().Where(c => kinds.Contains(c.Kind));
        return county is null ? visible : visible.Where(c => c.CountyCode == null || c.CountyCode == county);
    }
}
