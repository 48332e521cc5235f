using Microsoft.EntityFrameworkCore;
using ProductQuality.Graph.Data;
using ProductQuality.Graph.Enterprises;
using ProductQuality.Graph.Products;
using ProductQuality.Graph.Rules.Timeline;

namespace ProductQuality.Graph.Recording;

/// <summary>
/// The override in force on a date: the newest row effective by then, unless it withdraws (null class or tier)
/// or has expired — <see cref="InForce.Override{T}"/>, the definition the replay uses, over the rows in the order
/// they were recorded.
/// </summary>
public static class Overrides
{
    /// <summary>
    /// The override in force among one subject's rows already effective by today, newest first or not.
    /// </summary>
    public static ClassOverride? ActiveClass(IEnumerable<ClassOverride> rows, DateOnly today) =>
        InForce.Override(
            rows.OrderBy(o => o.EffectiveFrom).ThenBy(o => o.Id), o => o.EffectiveFrom, o => o.Class is null,
            o => o.ExpiresOn, today);

    public static ProductTierOverride? ActiveTier(IEnumerable<ProductTierOverride> rows, DateOnly today) =>
        InForce.Override(
            rows.OrderBy(o => o.EffectiveFrom).ThenBy(o => o.Id), o => o.EffectiveFrom, o => o.Tier is null,
            o => o.ExpiresOn, today);

    public static async Task<ClassOverride?> ActiveClassAsync(ProductQualityDbContext db, int enterpriseId,
        DateOnly today, CancellationToken ct) =>
        ActiveClass(await db.ClassOverrides.AsNoTracking()
            .Where(o => o.EnterpriseId == enterpriseId && o.EffectiveFrom <= today).ToListAsync(ct), today);

    public static async Task<ProductTierOverride?> ActiveTierAsync(ProductQualityDbContext db, string productCode,
        DateOnly today, CancellationToken ct) =>
        ActiveTier(await db.ProductTierOverrides.AsNoTracking()
            .Where(o => o.ProductCode == productCode && o.EffectiveFrom <= today).ToListAsync(ct), today);
}
