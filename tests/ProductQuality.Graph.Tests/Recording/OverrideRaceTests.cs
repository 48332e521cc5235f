using Microsoft.EntityFrameworkCore;
using ProductQuality.Graph.Tests.Infrastructure;

namespace ProductQuality.Graph.Tests.Recording;

/// <summary>
/// An override and other writes about its subject at the same moment: every one goes through, one after another.
/// On PostgreSQL the override's revision update once held the enterprise's (or product's) row while it waited for the
/// re-evaluation lock, which a sampling held while it waited for that row — a deadlock — and a sampling that had read
/// the enterprise before the override committed failed its own update on the stale revision: both answered
/// INTERNAL_ERROR, in 8 of 10 tries. Each round sets an override and the next withdraws it, so the subject ends as
/// it began.
/// </summary>
public abstract class OverrideRaceTests(TestServerFactory factory)
{
    private const int Rounds = 4;
    private const int Samplings = 2;

    [ProviderTheory]
    [InlineData("class", 30)]
    [InlineData("tier", 36)]
    public async Task An_override_racing_samplings_of_its_subject_lets_every_write_through(string kind, int skip)
    {
        var subject = await factory.DbAsync(db => db.Enterprises.AsNoTracking()
            .Where(e => e.CountyCode == "330482" && !e.IsBlacklisted).OrderBy(e => e.Id).Skip(skip)
            .Select(e => new
            {
                e.CreditCode,
                Product = db.EnterpriseProducts.Where(p => p.EnterpriseId == e.Id).Select(p => p.ProductCode).First(),
            })
            .FirstAsync());
        var city = factory.ClientFor("samr-jiaxing");
        var officers = Enumerable.Range(0, Samplings).Select(_ => factory.ClientFor("samr-jiaxing")).ToList();

        for (var round = 0; round < Rounds; round++)
        {
            var sets = round % 2 == 0;
            var revision = await RevisionAsync(city, kind, subject.CreditCode, subject.Product);
            var writes = new List<Task<GraphQLReply>>
            {
                kind == "class"
                    ? city.PostAsync(Writes.OverrideEnterpriseClass, ClassOverride(subject.CreditCode, revision, sets))
                    : city.PostAsync(Writes.OverrideProductTier, TierOverride(subject.Product, revision, sets)),
            };
            writes.AddRange(officers.Select(o =>
                o.PostAsync(Writes.RecordSampling, Writes.Sampling(subject.CreditCode, subject.Product))));

            var replies = await Task.WhenAll(writes);

            Assert.All(replies, r => Assert.False(r.HasErrors, $"round {round}: {r.Body}"));
        }
    }

    private static async Task<int> RevisionAsync(HttpClient city, string kind, string code, string product)
    {
        var reply = kind == "class"
            ? await city.PostAsync("query($c: String!) { enterprise(creditCode: $c) { overrideRevision } }",
                new { c = code })
            : await city.PostAsync("query($p: String!) { product(code: $p) { overrideRevision } }",
                new { p = product });
        return reply.EnsureData().Data.GetProperty(kind == "class" ? "enterprise" : "product")
            .GetProperty("overrideRevision").GetInt32();
    }

    private static object ClassOverride(string code, int revision, bool sets) => new
    {
        input = new
        {
            idempotencyKey = WriteData.Key(), creditCode = code, @class = sets ? "B" : null,
            reason = sets ? "现场核查发现追溯记录缺失" : "复核后撤销", expiresOn = sets ? "2027-06-30" : null,
            expectedRevision = revision,
        },
    };

    private static object TierOverride(string product, int revision, bool sets) => new
    {
        input = new
        {
            idempotencyKey = WriteData.Key(), productCode = product, tier = sets ? "HIGH" : null,
            reason = sets ? "国家抽查通报" : "复核后撤销", expiresOn = sets ? "2027-06-30" : null,
            expectedRevision = revision,
        },
    };
}
