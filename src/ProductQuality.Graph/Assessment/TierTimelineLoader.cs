using Microsoft.EntityFrameworkCore;
using ProductQuality.Graph.Data;
using ProductQuality.Graph.Rules.Timeline;

namespace ProductQuality.Graph.Assessment;

/// <summary>
/// Builds the <see cref="ProductTierTimeline"/> of some products (or all) from the computed gradings and the
/// overrides.
/// </summary>
internal static class TierTimelineLoader
{
    public static async Task<ProductTierTimeline> LoadAsync(
        ProductQualityDbContext db, IReadOnlyCollection<string>? productCodes, CancellationToken ct)
    {
        var graded = db.ProductTierAssessments.AsNoTracking().Where(a => !a.IsOverride);
        var overrides = db.ProductTierOverrides.AsNoTracking();
        if (productCodes is not null)
        {
            graded = graded.Where(a => productCodes.Contains(a.ProductCode));
            overrides = overrides.Where(o => productCodes.Contains(o.ProductCode));
        }

        var timeline = new ProductTierTimeline();
        foreach (var a in await graded.OrderBy(a => a.EffectiveFrom).ThenBy(a => a.Id)
            .Select(a => new { a.ProductCode, a.EffectiveFrom, a.Tier }).ToListAsync(ct))
        {
            timeline.Add(a.ProductCode, a.EffectiveFrom, a.Tier);
        }

        foreach (var o in await overrides.OrderBy(o => o.EffectiveFrom).ThenBy(o => o.Id).ToListAsync(ct))
        {
            timeline.AddOverride(o.ProductCode, o.EffectiveFrom, o.Tier, o.ExpiresOn);
        }

        return timeline;
    }
}
