using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ProductQuality.Graph.Tests.Infrastructure;
using ProductQuality.Graph.Tests.Recording;

namespace ProductQuality.Graph.Tests.Text;

/// <summary>
/// An enterprise with a long history stays writable: its quality index explanation grows with every failed sampling
/// past the 8,000 characters a capped column held (PostgreSQL refused every later write with DB_UPDATE while SQLite
/// stored the text silently), and every write still commits. Run on both providers: the same answers on each.
/// </summary>
public abstract class LongHistoryTests(TestServerFactory factory)
{
    private const int Samplings = 30;

    [ProviderFact]
    public async Task Writes_to_an_enterprise_whose_explanations_outgrow_8000_characters_still_commit()
    {
        var (creditCode, productCode) = await factory.DbAsync(async db =>
        {
            var row = await db.Enterprises.AsNoTracking().Where(e => !e.IsBlacklisted).OrderByDescending(e => e.Id)
                .Select(e => new
                {
                    e.CreditCode,
                    Product = db.EnterpriseProducts.Where(p => p.EnterpriseId == e.Id).Select(p => p.ProductCode)
                        .First(),
                })
                .FirstAsync();
            return (row.CreditCode, row.Product);
        });
        var regulator = factory.ClientFor("samr-jiaxing");

        // One failed sampling (a safety item) a week: each adds three deductions to the index explanation.
        for (var i = 0; i < Samplings; i++)
        {
            var sampledOn = new DateOnly(2026, 11, 27).AddDays(-7 * i)
                .ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var reply = await regulator.PostAsync(
                Writes.RecordSampling, Writes.Sampling(creditCode, productCode, passed: false, sampledOn: sampledOn));
            Assert.False(reply.HasErrors, reply.Body);
        }

        // The index is long at 0 by now, so only a change such as an override writes an evaluation with the whole
        // explanation: the write that failed on PostgreSQL with a capped column. (To C: the repeated failures have
        // blacklisted it, and a better class would be set aside.) Then the enterprise takes more facts.
        var revision = (await regulator.PostAsync(
                "query($code: String!) { enterprise(creditCode: $code) { overrideRevision } }",
                new { code = creditCode }))
            .EnsureData().Data.GetProperty("enterprise").GetProperty("overrideRevision").GetInt32();
        var overridden = await regulator.PostAsync(Writes.OverrideEnterpriseClass, new
        {
            input = new
            {
                idempotencyKey = WriteData.Key(), creditCode, @class = "C", reason = "复核后调整 (review)",
                expiresOn = "2027-11-30", expectedRevision = revision,
            },
        });
        Assert.False(overridden.HasErrors, overridden.Body);
        var after = await regulator.PostAsync(
            Writes.RecordSampling, Writes.Sampling(creditCode, productCode, passed: true, sampledOn: "2026-11-28"));
        Assert.False(after.HasErrors, after.Body);

        var longest = await factory.DbAsync(db => db.EnterpriseAssessments.AsNoTracking()
            .Where(a => db.Enterprises.Any(e => e.Id == a.EnterpriseId && e.CreditCode == creditCode))
            .Select(a => a.IndexExplanation.Length).MaxAsync());
        Assert.True(longest > 8000, $"the index explanation reached only {longest} characters");

        var read = await regulator.PostAsync(
            """
            query($code: String!) { enterprise(creditCode: $code) {
              qualityIndex qualityIndexExplanation { factors { name } } classHistory { reason } } }
            """,
            new { code = creditCode });
        var factors = read.EnsureData().Data.GetProperty("enterprise").GetProperty("qualityIndexExplanation")
            .GetProperty("factors").GetArrayLength();
        Assert.True(factors >= Samplings, $"{factors} factors for {Samplings} failed samplings");
    }
}
