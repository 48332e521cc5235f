using Microsoft.EntityFrameworkCore;
using ProductQuality.Graph.Data;
using ProductQuality.Graph.History;

namespace ProductQuality.Graph.Products;

/// <summary>
/// The <c>limit</c> newest gradings of each of a batch of products, cut per product in SQL in the shape each provider
/// runs best (as <see cref="Inspections.NewestInspections"/> does for samplings): a product is re-graded on most days
/// a fact about it comes or goes, so its tier on a day, or its latest gradings, must not read its whole history.
/// </summary>
internal static class NewestGradings
{
    /// <summary>
    /// Newest first within each product: today's belief, or under <paramref name="on"/> what was in force that day as
    /// known then.
    /// </summary>
    public static IQueryable<ProductTierAssessment> Of(ProductQualityDbContext db, KnownOn? on,
        IReadOnlyList<string> codes, int limit)
    {
        var known = db.ProductTierAssessments.AsNoTracking().InForceOn(on, a => a.EffectiveFrom);
        return (db.IsPostgreSql ? Numbered(db, known, codes, limit) : ByIndex(db, on, known, codes, limit))
            .OrderBy(a => a.ProductCode).ThenByDescending(a => a.EffectiveFrom).ThenByDescending(a => a.Id);
    }

    /// <summary>
    /// PostgreSQL: EF Core lifts the correlated Take into ROW_NUMBER() OVER (PARTITION BY product). The correlated
    /// <c>IN (… LIMIT n)</c> of SQLite's form ran past the 10 s timeout there for the catalogue.
    /// </summary>
    private static IQueryable<ProductTierAssessment> Numbered(ProductQualityDbContext db,
        IQueryable<ProductTierAssessment> known, IReadOnlyList<string> codes, int limit)
    {
        var ofBatch = known.Where(a => codes.Contains(a.ProductCode));
        return db.Products.Where(p => codes.Contains(p.Code))
            .SelectMany(p => ofBatch.Where(a => a.ProductCode == p.Code)
                .OrderByDescending(a => a.EffectiveFrom).ThenByDescending(a => a.Id).Take(limit));
    }

    /// <summary>
    /// SQLite: for each product, the ids of its newest gradings read backwards from the (ProductCode, EffectiveFrom)
    /// index, whose last column is the row id; then those rows by id. Under asOf the rows are read past the query
    /// filter that hides superseded ones (asOf sees rows superseded since; <c>AsKnownOn</c> filters them itself).
    /// Only then: EF lifts query filters for the whole statement, and lifted for today's reads, every row a late fact
    /// had superseded came back beside its replacement (the re-probe).
    /// </summary>
    private static IQueryable<ProductTierAssessment> ByIndex(ProductQualityDbContext db, KnownOn? day,
        IQueryable<ProductTierAssessment> known, IReadOnlyList<string> codes, int limit)
    {
        var rows = day is null ? db.ProductTierAssessments : db.ProductTierAssessments.IgnoreQueryFilters();
        return from p in db.Products.Where(p => codes.Contains(p.Code))
            from a in rows
            where known.Where(k => k.ProductCode == p.Code).OrderByDescending(k => k.EffectiveFrom)
                .ThenByDescending(k => k.Id).Take(limit).Select(k => k.Id).Contains(a.Id)
            select a;
    }
}
