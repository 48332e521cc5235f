using Microsoft.EntityFrameworkCore;
using ProductQuality.Graph.Assessment;
using ProductQuality.Graph.Data;
using ProductQuality.Graph.Recording;
using ProductQuality.Graph.Schema;

namespace ProductQuality.Graph.Products;

/// <summary>overrideProductTier: as <see cref="Enterprises.OverrideEnterpriseClass"/>, for a product; the city regulator's only.</summary>
public sealed class OverrideProductTier : WriteOperation<OverrideProductTierInput>
{
    public override string Name => "overrideProductTier";

    public override string Description =>
        "Sets a product's risk tier by hand (人工调整分级) with reason and expiry, or withdraws the override (tier null). "
        + "Tiers are city-wide: a county bureau gets OUT_OF_JURISDICTION. Optimistic concurrency as for class "
        + "overrides (CONFLICT).";

    public override string PayloadDescription =>
        "The recorded tier override and the product it re-evaluated (with its new overrideRevision).";

    public override void DescribePayload(PayloadType payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        payload.AddFact<ProductTierOverrideType>("override", "The override (or withdrawal) as recorded.");
        payload.AddProduct();
    }

    public override async Task<Staged?> StageAsync(WriteScope scope, OverrideProductTierInput input, CancellationToken ct)
    {
        if (scope.Audience.CountyScope is not null)
        {
            throw new DomainException(ErrorCodes.OutOfJurisdiction,
                "Product tiers are city-wide (全市统一分级): only the city regulator overrides them. Ask the city bureau (samr-jiaxing).");
        }

        var product = await scope.ProductAsync("productCode", input.ProductCode, ct);
        var reason = scope.Text("reason", input.Reason, 1000);
        if (input.Tier is not null)
        {
            if (input.ExpiresOn is { } expires)
            {
                scope.FutureDate("expiresOn", expires);
            }
            else
            {
                scope.Errors.Add("expiresOn", "An override needs an expiry: give expiresOn, the last day it applies.");
            }
        }
        else if (product is not null && await Overrides.ActiveTierAsync(scope.Db, product.Code, scope.Today, ct) is null)
        {
            scope.Errors.Add("tier", "No tier override is in force for this product, so there is nothing to withdraw; give a tier to override it.");
        }

        if (scope.Errors.Any)
        {
            return null;
        }

        if (product!.OverrideRevision != input.ExpectedRevision)
        {
            throw Conflicts.StaleRevision("product's tier", input.ExpectedRevision, product.OverrideRevision);
        }

        scope.Db.Entry(product).Property(p => p.OverrideRevision).OriginalValue = input.ExpectedRevision;
        product.OverrideRevision = input.ExpectedRevision + 1;
        var row = new ProductTierOverride
        {
            ProductCode = product.Code, Tier = input.Tier, Reason = reason, EffectiveFrom = scope.Today,
            ExpiresOn = input.Tier is null ? scope.Today : input.ExpiresOn!.Value, RecordedAtUtc = scope.UtcNow, RecordedBy = scope.RecordedBy,
        };
        scope.Db.ProductTierOverrides.Add(row);
        return new Staged(() => row.Id, product.Code, Touched.Product(product.Code));
    }

    public override async Task<MutationResult> AnswerAsync(ProductQualityDbContext db, long factId, string resultKey, CancellationToken ct) =>
        new(false, await db.ProductTierOverrides.AsNoTracking().FirstAsync(o => o.Id == factId, ct), null, await Answers.ProductAsync(db, resultKey, ct));

    public override async Task<DomainException?> ExplainFailedSaveAsync(ProductQualityDbContext db, OverrideProductTierInput input, CancellationToken ct)
    {
        var current = await db.Products.AsNoTracking().Where(p => p.Code == input.ProductCode).Select(p => (int?)p.OverrideRevision).FirstOrDefaultAsync(ct);
        return current is { } revision && revision != input.ExpectedRevision ? Conflicts.StaleRevision("product's tier", input.ExpectedRevision, revision) : null;
    }
}
