using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ProductQuality.Graph.Data;
using ProductQuality.Graph.Tests.Infrastructure;

namespace ProductQuality.Graph.Tests.Recording;

/// <summary>
/// Direct looks into the writable server's database: what tests pick to write about, and what was stored.
/// </summary>
public static class WriteData
{
    public const string Today = "2026-11-28";

    /// <summary>
    /// The n-th enterprise (by id) of a county, or of the city, that makes at least one product, with that product.
    /// </summary>
    public static Task<(string CreditCode, string ProductCode, string County)> EnterpriseAsync(
        this WritableServerFactory factory, int n, string? county = null, bool blacklisted = false) =>
        factory.DbAsync(async db =>
        {
            var row = await db.Enterprises.AsNoTracking()
                .Where(e => (county == null || e.CountyCode == county) && e.IsBlacklisted == blacklisted)
                .OrderBy(e => e.Id).Skip(n)
                .Select(e => new
                {
                    e.CreditCode,
                    e.CountyCode,
                    Product = db.EnterpriseProducts.Where(p => p.EnterpriseId == e.Id).Select(p => p.ProductCode)
                        .First()
                })
                .FirstAsync();
            return (row.CreditCode, row.Product, row.CountyCode);
        });

    /// <summary>A product the enterprise does not make.</summary>
    public static Task<string> ProductNotMadeByAsync(this WritableServerFactory factory, string creditCode) =>
        factory.DbAsync(db =>
        {
            var id = db.Enterprises.Where(e => e.CreditCode == creditCode).Select(e => e.Id);
            return db.Products.Where(p =>
                !db.EnterpriseProducts.Any(ep => id.Contains(ep.EnterpriseId) && ep.ProductCode == p.Code))
                    .OrderBy(p => p.Code).Select(p => p.Code).FirstAsync();
        });

    public static string Key() => Guid.NewGuid().ToString("N");

    public static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 13, 40)];
}
