using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ProductQuality.Graph.Tests.Infrastructure;

namespace ProductQuality.Graph.Tests.Recording;

/// <summary>recordSampling end to end: recorded once, visible afterwards, refused field by field when wrong.</summary>
[Collection(WritableServerCollection.Name)]
public sealed class SamplingWriteTests(WritableServerFactory factory)
{
    private readonly HttpClient _city = factory.ClientFor("samr-jiaxing");

    [Fact]
    public async Task Failed_sampling_is_recorded_and_visible_through_queries()
    {
        var (code, product, _) = await factory.EnterpriseAsync(0);
        var report = WriteData.Unique("JX-FAIL");
        var reply = (await _city.PostAsync(Writes.RecordSampling,
            Writes.Sampling(code, product, passed: false, report: report))).EnsureData();

        var payload = reply.Data.GetProperty("recordSampling");
        Assert.False(payload.GetProperty("replayed").GetBoolean());
        Assert.Equal(report, payload.GetProperty("inspection").GetProperty("reportNumber").GetString());
        Assert.Equal("导体电阻",
            payload.GetProperty("inspection").GetProperty("failedItems")[0].GetProperty("name").GetString());
        Assert.Equal(code, payload.GetProperty("enterprise").GetProperty("creditCode").GetString());
        Assert.Equal(product, payload.GetProperty("product").GetProperty("code").GetString());
        Assert.Contains(payload.GetProperty("enterprise").GetProperty("inspections").EnumerateArray(),
            i => i.GetProperty("reportNumber").GetString() == report);

        var later = (await _city.PostAsync("query($c: String!) { enterprise(creditCode: $c) { inspections(limit: 200) "
            + "{ reportNumber passed } } }", new { c = code }))
            .EnsureData();
        Assert.Contains(later.Data.GetProperty("enterprise").GetProperty("inspections").EnumerateArray(),
            i => i.GetProperty("reportNumber").GetString() == report && !i.GetProperty("passed").GetBoolean());
        var stored = await factory.DbAsync(db => db.Inspections.Where(i => i.ReportNumber == report)
            .Select(i => new { i.RecordedBy, i.RecordedAtUtc }).SingleAsync());
        Assert.Equal("samr-jiaxing/test", stored.RecordedBy);
        Assert.True(stored.RecordedAtUtc > DateTime.UtcNow.AddMinutes(-5));

        var error = (await _city.PostAsync(Writes.RecordSampling, Writes.Sampling(code, product, report: report)))
            .Json.GetProperty("errors")[0];
        Assert.Equal("recordSampling", error.GetProperty("path")[0].GetString());
        Assert.Equal(JsonValueKind.Array, error.GetProperty("locations").ValueKind);

        // Aliased, the path is the alias: the response key the error belongs to (it named the field: the re-probe).
        var aliased = (await _city.PostAsync(Writes.RecordSampling.Replace("recordSampling(", "again: recordSampling(",
                StringComparison.Ordinal), Writes.Sampling(code, product, report: report)))
            .Json.GetProperty("errors")[0];
        Assert.Equal("again", aliased.GetProperty("path")[0].GetString());
    }

    [Fact]
    public async Task Every_field_error_of_one_request_is_reported_together_and_nothing_is_written()
    {
        var (code, _, _) = await factory.EnterpriseAsync(1);
        var before = await factory.DbAsync(db => db.Inspections.CountAsync());
        var input = new
        {
            input = new
            {
                idempotencyKey = WriteData.Key(), creditCode = code, productCode = "P999", batch = "  ",
                specModel = new string('x', 300), level = "CITY",
                lab = "lab", reportNumber = WriteData.Unique("JX-BAD"), sampledOn = "2027-01-01", passed = false,
                failedItems = Array.Empty<object>(),
            },
        };
        var reply = await _city.PostAsync(Writes.RecordSampling, input);

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Equal(JsonValueKind.Null, reply.Data.GetProperty("recordSampling").ValueKind);
        Assert.Equal(
            ["INVALID_INPUT input.batch", "INVALID_INPUT input.failedItems", "INVALID_INPUT input.productCode",
                "INVALID_INPUT input.sampledOn", "INVALID_INPUT input.specModel"],
            reply.FieldErrors().Order(StringComparer.Ordinal));
        Assert.Equal(before, await factory.DbAsync(db => db.Inspections.CountAsync()));
    }

    [Theory]
    [InlineData("91330000000000000X", "INVALID_INPUT input.creditCode")]
    [InlineData("91330402MA28A1B2CX", "INVALID_INPUT input.creditCode")]
    [InlineData("913304020000000009", "ENTERPRISE_NOT_FOUND input.creditCode")]
    public async Task Bad_or_unknown_credit_codes_are_refused(string code, string expected)
    {
        var valid = code == "913304020000000009"
            ? ProductQuality.Graph.Enterprises.CreditCode.WithCheckCharacter(code[..17]) : code;
        var reply = await _city.PostAsync(Writes.RecordSampling, Writes.Sampling(valid, "P001"));
        Assert.Equal([expected], reply.FieldErrors());
    }

    [Fact]
    public async Task Passed_with_failed_items_and_product_not_made_are_refused()
    {
        var (code, product, _) = await factory.EnterpriseAsync(2);
        var passedWithItems = await _city.PostAsync(Writes.RecordSampling,
            Writes.Sampling(code, product, passed: true, failedItems: [new { name = "标志", safetyItem = false }]));
        Assert.Equal(["INVALID_INPUT input.failedItems"], passedWithItems.FieldErrors());

        var notMade = await _city.PostAsync(Writes.RecordSampling,
            Writes.Sampling(code, await factory.ProductNotMadeByAsync(code)));
        Assert.Equal(["INVALID_INPUT input.productCode"], notMade.FieldErrors());
        Assert.Contains("does not make", notMade.FirstErrorMessage, StringComparison.Ordinal);

        var ancient =
            await _city.PostAsync(Writes.RecordSampling, Writes.Sampling(code, product, sampledOn: "1990-05-01"));
        Assert.Equal(["INVALID_INPUT input.sampledOn"], ancient.FieldErrors());
        Assert.Contains("more than 20 years ago, which is taken for a mistyped year", ancient.FirstErrorMessage,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task Duplicate_report_number_is_DUPLICATE_not_a_server_error()
    {
        var (code, product, _) = await factory.EnterpriseAsync(3);
        var report = WriteData.Unique("JX-DUP");
        (await _city.PostAsync(Writes.RecordSampling, Writes.Sampling(code, product, report: report))).EnsureData();
        var again = await _city.PostAsync(Writes.RecordSampling, Writes.Sampling(code, product, report: report));
        Assert.Equal(["DUPLICATE input.reportNumber"], again.FieldErrors());
    }

    /// <summary>A message quotes the start of what it repeats: a 250-character number came back whole (the writes
    /// probe), where README promises its start.</summary>
    [Fact]
    public async Task A_duplicate_long_report_number_is_quoted_by_its_start()
    {
        var (code, product, _) = await factory.EnterpriseAsync(3);
        var report = WriteData.Unique("JX-LONG") + new string('7', 200);
        (await _city.PostAsync(Writes.RecordSampling, Writes.Sampling(code, product, report: report))).EnsureData();
        var again = await _city.PostAsync(Writes.RecordSampling, Writes.Sampling(code, product, report: report));
        Assert.Equal(["DUPLICATE input.reportNumber"], again.FieldErrors());
        Assert.Contains($"Report number '{report[..40]}…' is already recorded", again.FirstErrorMessage,
            StringComparison.Ordinal);
        Assert.DoesNotContain(report, again.FirstErrorMessage, StringComparison.Ordinal);
    }

    /// <summary>
    /// A report number is one document however it is typed: full-width letters, a doubled or ideographic space are
    /// the same number (DUPLICATE), and one carrying a character nobody sees — zero-width, bidi isolates, a soft
    /// hyphen, a control or combining character — is refused, not recorded as a second report.
    /// </summary>
    [Theory]
    [InlineData("{0}", "DUPLICATE")]
    [InlineData("  {0} ", "DUPLICATE")]
    [InlineData("Ｊ{1}", "DUPLICATE")]
    [InlineData("{0}\u200b", "INVALID_INPUT")]
    [InlineData("\u2066{0}\u2069", "INVALID_INPUT")]
    [InlineData("{0}\u00ad", "INVALID_INPUT")]
    [InlineData("{0}\u0001", "INVALID_INPUT")]
    [InlineData("{0}\u0301", "INVALID_INPUT")]
    [InlineData("\u200b\u200b", "INVALID_INPUT")]
    public async Task A_report_number_is_one_document_however_it_is_typed(string variant, string expected)
    {
        var (code, product, _) = await factory.EnterpriseAsync(3);
        var report = WriteData.Unique("JX-NUM") + " 2026";
        (await _city.PostAsync(Writes.RecordSampling, Writes.Sampling(code, product, report: report))).EnsureData();
        var typed = System.Text.RegularExpressions.Regex.Unescape(string.Format(
            System.Globalization.CultureInfo.InvariantCulture, variant, report, report[1..]).Replace(" 2026",
            variant.StartsWith('Ｊ') ? "\u3000 2026" : " 2026", StringComparison.Ordinal));
        var again = await _city.PostAsync(Writes.RecordSampling, Writes.Sampling(code, product, report: typed));
        Assert.Equal([$"{expected} input.reportNumber"], again.FieldErrors());
    }

    /// <summary>
    /// A number recorded before numbers were normalized is stored as it was typed: typed again exactly, it is still
    /// DUPLICATE (it was accepted as a new document after the upgrade). (Typed in another form it is not found: the
    /// stored numbers are not rewritten.)
    /// </summary>
    [Fact]
    public async Task A_number_stored_before_normalization_is_still_a_duplicate_as_typed()
    {
        var (code, product, _) = await factory.EnterpriseAsync(3);
        var report = WriteData.Unique("JX-OLD");
        (await _city.PostAsync(Writes.RecordSampling, Writes.Sampling(code, product, report: report))).EnsureData();
        var typed = "（" + report + "）";
        // As an earlier build stored it: full-width brackets kept.
        Assert.Equal(1, await factory.DbAsync(db => db.Inspections.Where(i => i.ReportNumber == report)
            .ExecuteUpdateAsync(u => u.SetProperty(i => i.ReportNumber, typed))));

        var reply = await _city.PostAsync(Writes.RecordSampling, Writes.Sampling(code, product, report: typed));
        Assert.Equal(["DUPLICATE input.reportNumber"], reply.FieldErrors());
    }
}
