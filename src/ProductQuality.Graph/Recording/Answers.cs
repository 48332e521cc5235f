using Microsoft.EntityFrameworkCore;
using ProductQuality.Graph.Data;
using ProductQuality.Graph.Enterprises;
using ProductQuality.Graph.Products;

namespace ProductQuality.Graph.Recording;

/// <summary>Fresh, untracked reads for answers, so a payload shows what the database holds after commit.</summary>
public static class Answers
{
    public static Task<Enterprise?> EnterpriseAsync(ProductQualityDbContext db, string creditCode,
        CancellationToken ct) =>
        db.Enterprises.AsNoTracking().FirstOrDefaultAsync(e => e.CreditCode == creditCode, ct);

    public static Task<Product?> ProductAsync(ProductQualityDbContext db, string? code, CancellationToken ct) =>
        code is null
            ? Task.FromResult<Product?>(null)
            : db.Products.AsNoTracking().FirstOrDefaultAsync(p => p.Code == code, ct);
}
