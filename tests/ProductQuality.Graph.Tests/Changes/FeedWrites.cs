using Microsoft.EntityFrameworkCore;
using ProductQuality.Graph.Tests.Infrastructure;
using ProductQuality.Graph.Tests.Recording;

namespace ProductQuality.Graph.Tests.Changes;

/// <summary>The writes the feed tests record, through the regulators' API, and the subjects they pick.</summary>
public static class FeedWrites
{
    /// <summary>The n-th unlisted enterprise (by id) of a county, or of the city, with a product it makes.</summary>
    public static Task<(string CreditCode, string ProductCode, string County)> EnterpriseAsync(
        this TestServerFactory factory, int n, string? county = null, bool assured = false) =>
        factory.DbAsync(async db =>
        {
            var row = await db.Enterprises.AsNoTracking()
                .Where(e => (county == null || e.CountyCode == county) && !e.IsBlacklisted && e.IsAssured == assured)
                .OrderBy(e => e.Id).Skip(n)
                .Select(e => new
                {
                    e.CreditCode, e.CountyCode,
                    Product = db.EnterpriseProducts.Where(p => p.EnterpriseId == e.Id).Select(p => p.ProductCode)
                        .First(),
                })
                .FirstAsync();
            return (row.CreditCode, row.Product, row.CountyCode);
        });

    public static async Task FailedSamplingAsync(
        this TestServerFactory factory, string department, string code, string product, string sampledOn) =>
        (await factory.ClientFor(department).PostAsync(Writes.RecordSampling,
            Writes.Sampling(code, product, passed: false, sampledOn: sampledOn))).EnsureData();

    public static async Task ListAsync(this TestServerFactory factory, string department, string code,
        string decidedOn = WriteData.Today, string? number = null) =>
        (await factory.ClientFor(department).PostAsync(Writes.RecordBlacklistDecision, new
        {
            input = new
            {
                idempotencyKey = WriteData.Key(), creditCode = code, action = "LIST", decidedOn,
                decisionNumber = number ?? WriteData.Unique("嘉市监黑决"), reasonCategory = "COUNTERFEITING",
                reason = "制假售假，罚没并列入黑名单 (test decision)",
            },
        })).EnsureData();

    /// <summary>The n-th product graded GENERAL, by code.</summary>
    public static Task<string> GeneralProductAsync(this TestServerFactory factory, int n) =>
        factory.DbAsync(db => db.Products.AsNoTracking().Where(p => p.Tier == Rules.Common.ProductTier.General)
            .OrderBy(p => p.Code).Skip(n).Select(p => p.Code).FirstAsync());

    public static async Task OverrideTierAsync(this TestServerFactory factory, string product, string tier)
    {
        var revision = await factory.DbAsync(db => db.Products.Where(p => p.Code == product)
            .Select(p => p.OverrideRevision).FirstAsync());
        (await factory.ClientFor("samr-jiaxing").PostAsync(Writes.OverrideProductTier, new
        {
            input = new
            {
                idempotencyKey = WriteData.Key(), productCode = product, tier, expectedRevision = revision,
                expiresOn = "2027-06-30", reason = "test: national recall notice",
            },
        })).EnsureData();
    }
}
