using Microsoft.EntityFrameworkCore;
using ProductQuality.Graph.Assessment;
using ProductQuality.Graph.Data;
using ProductQuality.Graph.Recording;
using ProductQuality.Graph.Schema;

namespace ProductQuality.Graph.Products;

/// <summary>
/// overrideProductTier: the override write (<see cref="OverrideWrite{TInput, TSubject}"/>) for a tier; the city
/// regulator's only.
/// </summary>
public sealed class OverrideProductTier : OverrideWrite<OverrideProductTierInput, Product>
{
    public override string Name => "overrideProductTier";

    public override string Description =>
        "Sets a product's risk tier by hand (人工调整分级) with reason and expiry, or withdraws the override (tier "
        + "null). Tiers are city-wide: a county bureau gets OUT_OF_JURISDICTION. Optimistic concurrency as for class "
        + "overrides (CONFLICT).";

    public override string PayloadDescription =>
        "The recorded tier override and the product it re-evaluated (with its new overrideRevision).";

    protected override string SubjectName => "product";

    protected override string ValueField => "tier";

    public override void DescribePayload(PayloadType payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        payload.AddFact<ProductTierOverrideType>("override", "The override (or withdrawal) as recorded.");
        payload.AddProduct();
    }

    protected override OverrideRequest Read(OverrideProductTierInput input) =>
        new(input.ProductCode, input.Tier is null, input.Reason, input.ExpiresOn, input.ExpectedRevision);

    protected override Task<Product?> SubjectAsync(WriteScope scope, string code, CancellationToken ct)
    {
        if (scope.Audience.Rows.County is not null)
        {
            throw new DomainException(ErrorCodes.OutOfJurisdiction,
                "Product tiers are city-wide (全市统一分级): only the city regulator overrides them. "
                + "Ask the city bureau (samr-jiaxing).");
        }

        return scope.ProductAsync("productCode", code, ct);
    }

    protected override async Task<bool> HasOverrideInForceAsync(
        WriteScope scope, Product subject, CancellationToken ct) =>
        await Overrides.ActiveTierAsync(scope.Db, subject.Code, scope.Today, ct) is not null;

    protected override Staged AddRow(
        WriteScope scope, Product subject, OverrideProductTierInput input, string reason, DateOnly expiresOn)
    {
        var row = new ProductTierOverride
        {
            ProductCode = subject.Code, Tier = input.Tier, Reason = reason, EffectiveFrom = scope.Today,
            ExpiresOn = expiresOn, RecordedAtUtc = scope.UtcNow, RecordedBy = scope.RecordedBy,
        };
        scope.Db.ProductTierOverrides.Add(row);
        return new Staged(() => row.Id, subject.Code, Touched.Product(subject.Code));
    }

    protected override Task<int?> CurrentRevisionAsync(ProductQualityDbContext db, string code, CancellationToken ct) =>
        db.Products.AsNoTracking().Where(p => p.Code == code).Select(p => (int?)p.OverrideRevision)
            .FirstOrDefaultAsync(ct);

    public override async Task<MutationResult> AnswerAsync(
        ProductQualityDbContext db, long factId, string resultKey, CancellationToken ct) =>
        new(false, await db.ProductTierOverrides.AsNoTracking().FirstAsync(o => o.Id == factId, ct), null,
            await Answers.ProductAsync(db, resultKey, ct));
}
