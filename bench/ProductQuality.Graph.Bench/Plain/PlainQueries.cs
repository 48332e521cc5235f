using Microsoft.EntityFrameworkCore;
using ProductQuality.Graph.Data;
using ProductQuality.Graph.Enterprises;
using ProductQuality.Graph.Inspections;
using ProductQuality.Graph.Products;

namespace ProductQuality.Graph.Bench.Plain;

/// <summary>
/// The EF statements the GraphQL resolvers and batch loaders issue (EnterpriseQueries, EnterpriseLoaders), copied
/// expression for expression so the comparison measures the layer around the database, not a different query.
/// Keys are passed as <see cref="IReadOnlyList{T}"/> of a <see cref="List{T}"/>, as the loaders do, for identical SQL.
/// </summary>
internal static class PlainQueries
{
    public static Task<Enterprise?> EnterpriseAsync(ProductQualityDbContext db, string code, CancellationToken ct) =>
        db.Enterprises.AsNoTracking().FirstOrDefaultAsync(e => e.CreditCode == code, ct);

    /// <summary>
    /// The "enterprises" root field with a county filter, NAME_ASC, no cursor: one row more than the page tells
    /// hasNextPage.
    /// </summary>
    public static Task<List<Enterprise>> PageAsync(
        ProductQualityDbContext db, string county, int first, CancellationToken ct) =>
        db.Enterprises.AsNoTracking().Where(e => e.CountyCode == county)
            .OrderBy(e => e.Name).ThenBy(e => e.Id).Take(first + 1).ToListAsync(ct);

    /// <summary>products-by-enterprise; the loader orders each enterprise's products by code in memory.</summary>
    public static async Task<ILookup<int, Product>> ProductsAsync(
        ProductQualityDbContext db, IReadOnlyList<int> ids, CancellationToken ct)
    {
        var rows = await db.EnterpriseProducts.Where(ep => ids.Contains(ep.EnterpriseId))
            .Join(db.Products, ep => ep.ProductCode, p => p.Code, (ep, p) => new ProductRow(ep.EnterpriseId, p))
            .AsNoTracking()
            .ToListAsync(ct);
        return rows.OrderBy(r => r.Product.Code, StringComparer.Ordinal).ToLookup(r => r.EnterpriseId, r => r.Product);
    }

    /// <summary>
    /// inspections-by-enterprise: the newest <paramref name="limit"/> per enterprise, cut in SQL as the loader does,
    /// in the summary shape the GraphQL queries' selections load (the twin returns the same fields).
    /// </summary>
    public static Task<List<Inspection>> InspectionsAsync(
        ProductQualityDbContext db, IReadOnlyList<int> ids, int limit, CancellationToken ct) =>
        NewestInspections.WithFailedItemsAsync(db, on: null, ids, limit, InspectionShape.Summary, ct);

    private sealed record ProductRow(int EnterpriseId, Product Product);
}
