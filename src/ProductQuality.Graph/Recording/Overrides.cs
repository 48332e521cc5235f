using Microsoft.EntityFrameworkCore;
using ProductQuality.Graph.Data;
using ProductQuality.Graph.Enterprises;
using ProductQuality.Graph.Products;

namespace ProductQuality.Graph.Recording;

/// <summary>
/// The override in force on a date: the newest row effective by then, unless it withdraws (null class or tier)
/// or has expired.
/// </summary>
public static class Overrides
{
    public static async Task<ClassOverride?> ActiveClassAsync(ProductQualityDbContext db, int enterpriseId, DateOnly today, CancellationToken ct)
    {
        var latest = await db.ClassOverrides.AsNoTracking()
            .Where(o => o.EnterpriseId == enterpriseId && o.EffectiveFrom <= today)
            .OrderByDescending(o => o.EffectiveFrom).ThenByDescending(o => o.Id).FirstOrDefaultAsync(ct);
        return latest is { Class: not null } && latest.ExpiresOn >= today ? latest : null;
    }

    public static async Task<ProductTierOverride?> ActiveTierAsync(ProductQualityDbContext db, string productCode, DateOnly today, CancellationToken ct)
    {
        var latest = await db.ProductTierOverrides.AsNoTracking()
            .Where(o => o.ProductCode == productCode && o.EffectiveFrom <= today)
            .OrderByDescending(o => o.EffectiveFrom).ThenByDescending(o => o.Id).FirstOrDefaultAsync(ct);
        return latest is { Tier: not null } && latest.ExpiresOn >= today ? latest : null;
    }
}
