using Microsoft.EntityFrameworkCore;
using ProductQuality.Graph.Tests.Infrastructure;

namespace ProductQuality.Graph.Tests.Recording;

/// <summary>
/// A fact must fit the enterprise it is about: dated on or after the day it was established (a status dated nine
/// years before it existed became its "first classification"), and about a product it makes (a complaint about a
/// product of other makers moved that product's tier city-wide). Refused as INVALID_INPUT on the field; nothing
/// written.
/// </summary>
[Collection(WritableServerCollection.Name)]
public sealed class FactSubjectTests(WritableServerFactory factory)
{
    private readonly HttpClient _city = factory.ClientFor("samr-jiaxing");

    [Theory]
    [InlineData("recordSampling", "sampledOn")]
    [InlineData("recordEnforcementDecision", "decidedOn")]
    [InlineData("recordManagementStatus", "effectiveFrom")]
    [InlineData("recordValidComplaint", "foundValidOn")]
    [InlineData("recordBlacklistDecision", "decidedOn")]
    public async Task A_fact_dated_before_the_enterprise_was_established_is_refused(string write, string field)
    {
        var subject = await factory.DbAsync(db => db.Enterprises.AsNoTracking()
            .Where(e => e.EstablishedOn > new DateOnly(2012, 1, 1) && !e.IsBlacklisted).OrderBy(e => e.Id).Skip(7)
            .Select(e => new
            {
                e.CreditCode,
                e.EstablishedOn,
                Product = db.EnterpriseProducts.Where(p => p.EnterpriseId == e.Id).Select(p => p.ProductCode).First(),
            })
            .FirstAsync());
        var before = subject.EstablishedOn.AddDays(-1).ToString("yyyy-MM-dd");

        var reply = await _city.PostAsync(Document(write), Input(write, subject.CreditCode, subject.Product, before));

        Assert.Equal([$"INVALID_INPUT input.{field}"], reply.FieldErrors());
        Assert.Contains($"before the enterprise was established ({subject.EstablishedOn:yyyy-MM-dd})",
            reply.FirstErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_complaint_about_a_product_the_enterprise_does_not_make_is_refused()
    {
        var (code, _, _) = await factory.EnterpriseAsync(34);
        var other = await factory.ProductNotMadeByAsync(code);
        var complaints = await factory.DbAsync(db => db.Complaints.CountAsync());

        var reply = await _city.PostAsync(Writes.RecordValidComplaint,
            Input("recordValidComplaint", code, other, "2026-11-10"));

        Assert.Equal(["INVALID_INPUT input.productCode"], reply.FieldErrors());
        Assert.Contains($"does not make product {other}", reply.FirstErrorMessage, StringComparison.Ordinal);
        Assert.Equal(complaints, await factory.DbAsync(db => db.Complaints.CountAsync()));
    }

    /// <summary>
    /// A code refused by a write is quoted by its start, as the read path quotes it: the write quoted a 10,000-digit
    /// "credit code" whole, up to the 2,000-character cap of a message (the writes probe).
    /// </summary>
    [Theory]
    [InlineData("recordSampling", "creditCode")]
    [InlineData("recordEnforcementDecision", "creditCode")]
    [InlineData("recordManagementStatus", "creditCode")]
    [InlineData("recordValidComplaint", "creditCode")]
    [InlineData("recordBlacklistDecision", "creditCode")]
    [InlineData("recordSampling", "productCode")]
    [InlineData("recordValidComplaint", "productCode")]
    [InlineData("issueRiskWarning", "productCode")]
    [InlineData("issueRiskWarning", "regionCode")]
    public async Task A_long_code_is_quoted_by_its_start_only(string write, string field)
    {
        var (code, _, _) = await factory.EnterpriseAsync(12);
        var product = await factory.DbAsync(db => db.EnterpriseProducts.AsNoTracking()
            .Where(p => db.Enterprises.Any(e => e.Id == p.EnterpriseId && e.CreditCode == code))
            .Select(p => p.ProductCode).FirstAsync());
        var sent = new string('9', 10_000);
        var input = write == "issueRiskWarning"
            ? new { input = new { idempotencyKey = WriteData.Key(), number = WriteData.Unique("嘉市监预"),
                title = "电线电缆质量预警", summary = "近期抽查发现导体电阻不合格", issuedOn = "2026-11-26", scope = "REGIONAL",
                severity = "WARNING", productCode = field == "productCode" ? sent : "P010",
                regionCode = field == "regionCode" ? sent : "330481" } }
            : Input(write, field == "creditCode" ? sent : code, field == "productCode" ? sent : product,
                "2026-11-20");

        var reply = await _city.PostAsync(write == "issueRiskWarning" ? Writes.IssueRiskWarning : Document(write),
            input);

        Assert.Equal("input." + field, Assert.Single(reply.FieldErrors()).Split(' ')[1]);
        Assert.Contains(new string('9', 40) + "…", reply.FirstErrorMessage, StringComparison.Ordinal);
        Assert.DoesNotContain(new string('9', 41), reply.FirstErrorMessage, StringComparison.Ordinal);
    }

    private static string Document(string write) => write switch
    {
        "recordSampling" => Writes.RecordSampling,
        "recordEnforcementDecision" => Writes.RecordEnforcementDecision,
        "recordManagementStatus" => Writes.RecordManagementStatus,
        "recordValidComplaint" => Writes.RecordValidComplaint,
        _ => Writes.RecordBlacklistDecision,
    };

    private static object Input(string write, string code, string product, string on)
    {
        var key = WriteData.Key();
        var number = WriteData.Unique("嘉市监");
        return write switch
        {
            "recordSampling" => Writes.Sampling(code, product, sampledOn: on),
            "recordEnforcementDecision" => new { input = new { idempotencyKey = key, creditCode = code,
                kind = "PENALTY", decisionNumber = number, decidedOn = on, fineYuan = 500m, summary = "抽查不合格" } },
            "recordManagementStatus" => new { input = new { idempotencyKey = key, creditCode = code,
                traceability = "FULL", qualitySystem = "CERTIFIED", effectiveFrom = on, note = "证书复核" } },
            "recordValidComplaint" => new { input = new { idempotencyKey = key, creditCode = code,
                productCode = product, foundValidOn = on, summary = "插座外壳开裂" } },
            _ => new { input = new { idempotencyKey = key, creditCode = code, action = "LIST",
                decisionNumber = number, decidedOn = on, reasonCategory = "COUNTERFEITING", reason = "制假" } },
        };
    }
}
