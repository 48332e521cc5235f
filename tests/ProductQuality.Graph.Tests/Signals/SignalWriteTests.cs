using Microsoft.EntityFrameworkCore;
using ProductQuality.Graph.Tests.Infrastructure;
using ProductQuality.Graph.Tests.Recording;

namespace ProductQuality.Graph.Tests.Signals;

/// <summary>
/// recordExternalRiskSignal over HTTP on each provider: a good signal is recorded once, re-grades its product in the
/// same write and is named in the tier's explanation; every class of bad input is refused with its code and field and
/// nothing is written — texts at, and one over, their column's length (PostgreSQL enforces the caps itself).
/// </summary>
public abstract class SignalWriteTests(TestServerFactory factory)
{
    public const string Record = """
        mutation($input: RecordExternalRiskSignalInput!) { recordExternalRiskSignal(input: $input) {
          replayed signal { source reference publishedOn hazard severity description product { code } }
          product { code tier riskScore externalSignals { reference }
            tierHistory { effectiveFrom explanation { summary factors { name value effect } } } } } }
        """;

    private readonly HttpClient city = factory.ClientFor("samr-jiaxing");

    public static object Input(string reference, string product = "P185", string publishedOn = "2026-11-20",
        string source = "EU_SAFETY_GATE", string hazard = "烫伤 (burns)", string? description = null,
        string severity = "SERIOUS", string? key = null) =>
        new { input = new { idempotencyKey = key ?? WriteData.Key(), source, reference, productCode = product,
            publishedOn, hazard, severity, description } };

    [ProviderFact]
    public async Task A_signal_is_recorded_once_and_the_tier_names_it()
    {
        var reference = WriteData.Unique("SR/");
        var key = WriteData.Key();
        var before = await factory.DbAsync(db =>
            db.Products.Where(p => p.Code == "P185").Select(p => p.RiskScore).FirstAsync());

        var reply = (await city.PostAsync(Record, Input(reference, key: key, description: "某品牌 YL-6 压力锅")))
            .EnsureData().Data.GetProperty("recordExternalRiskSignal");

        var signal = reply.GetProperty("signal");
        Assert.False(reply.GetProperty("replayed").GetBoolean());
        Assert.Equal(["EU_SAFETY_GATE", reference, "2026-11-20", "SERIOUS", "P185"],
            new[] { "source", "reference", "publishedOn", "severity" }.Select(f => signal.GetProperty(f).GetString()!)
                .Append(signal.GetProperty("product").GetProperty("code").GetString()!));
        var product = reply.GetProperty("product");
        Assert.Contains(product.GetProperty("externalSignals").EnumerateArray(),
            s => s.GetProperty("reference").GetString() == reference);
        var latest = product.GetProperty("tierHistory")[0];
        Assert.Equal("2026-11-20", latest.GetProperty("effectiveFrom").GetString());   // from its date
        Assert.Contains(latest.GetProperty("explanation").GetProperty("factors").EnumerateArray(),
            f => f.GetProperty("name").GetString() == $"risk signal (风险信号): EU Safety Gate {reference}"
                && f.GetProperty("effect").GetString() == "+10");
        Assert.Contains($"EU Safety Gate {reference}",
            latest.GetProperty("explanation").GetProperty("summary").GetString(), StringComparison.Ordinal);
        Assert.True(product.GetProperty("riskScore").GetDouble() >= before, "a serious signal lowered the score");

        var again = (await city.PostAsync(Record, Input(reference, key: key, description: "某品牌 YL-6 压力锅")))
            .EnsureData().Data.GetProperty("recordExternalRiskSignal");
        Assert.True(again.GetProperty("replayed").GetBoolean());
        Assert.Equal(["DUPLICATE input.reference"], (await city.PostAsync(Record, Input(reference))).FieldErrors());
        Assert.Equal(1, await factory.DbAsync(db => db.ExternalRiskSignals.CountAsync(s => s.Reference == reference)));
    }

    [ProviderTheory]
    [InlineData("product", "P999", "INVALID_INPUT input.productCode")]
    [InlineData("product", "", "INVALID_INPUT input.productCode")]
    [InlineData("publishedOn", "2026-11-29", "INVALID_INPUT input.publishedOn")]
    [InlineData("publishedOn", "2099-01-01", "INVALID_INPUT input.publishedOn")]
    [InlineData("publishedOn", "1999-12-31", "INVALID_INPUT input.publishedOn")]
    [InlineData("reference", "   ", "INVALID_INPUT input.reference")]
    [InlineData("reference", "65", "INVALID_INPUT input.reference")]
    [InlineData("hazard", "", "INVALID_INPUT input.hazard")]
    [InlineData("hazard", "257", "INVALID_INPUT input.hazard")]
    [InlineData("description", "1001", "INVALID_INPUT input.description")]
    public async Task Bad_input_is_refused_with_its_field_and_nothing_is_written(
        string field, string value, string error)
    {
        var reference = WriteData.Unique("BAD-");
        string Text(string v) => int.TryParse(v, out var n) ? new string('长', n) : v;
        var input = field switch
        {
            "product" => Input(reference, product: value),
            "publishedOn" => Input(reference, publishedOn: value),
            "reference" => Input(Text(value)),
            "hazard" => Input(reference, hazard: Text(value)),
            _ => Input(reference, description: Text(value)),
        };
        var before = await factory.DbAsync(db => db.ExternalRiskSignals.CountAsync());

        Assert.Equal([error], (await city.PostAsync(Record, input)).FieldErrors());
        Assert.Equal(before, await factory.DbAsync(db => db.ExternalRiskSignals.CountAsync()));
    }

    // At their caps the texts fit the columns of either database.
    [ProviderFact]
    public async Task Texts_at_their_caps_are_stored_whole()
    {
        var reference = WriteData.Unique("CAP-") is var r ? r + new string('长', 64 - r.Length) : "";
        var reply = await city.PostAsync(
            Record, Input(reference, hazard: new string('险', 256), description: new string('述', 1000)));

        var signal = reply.EnsureData().Data.GetProperty("recordExternalRiskSignal").GetProperty("signal");
        Assert.Equal(reference, signal.GetProperty("reference").GetString());
        Assert.Equal(256, signal.GetProperty("hazard").GetString()!.Length);
        Assert.Equal(1000, signal.GetProperty("description").GetString()!.Length);
    }

    [ProviderTheory]
    [InlineData("\"RAPEX\"")]
    [InlineData("\"eu_safety_gate\"")]
    [InlineData("3")]
    [InlineData("null")]
    public async Task An_unknown_source_is_refused_before_anything_runs(string source)
    {
        var variables = $$"""
            { "input": { "idempotencyKey": "{{WriteData.Key()}}", "source": {{source}}, "reference": "X-1",
              "productCode": "P185", "publishedOn": "2026-11-20", "hazard": "烫伤", "severity": "HIGH" } }
            """;
        var reply = await city.PostAsync(Record, System.Text.Json.JsonDocument.Parse(variables).RootElement);

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, reply.Status);
        Assert.Equal("INVALID_VALUE", reply.FirstErrorCode);
        Assert.False(reply.Json.TryGetProperty("data", out _));
    }

    [ProviderFact]
    public async Task Only_the_city_regulator_records_signals()
    {
        var county = await factory.ClientFor("samr-330481").PostAsync(Record, Input(WriteData.Unique("C-")));
        Assert.Equal("OUT_OF_JURISDICTION", county.FirstErrorCode);

        foreach (var partner in new[] { "finance", "drc", "yrd-partner" })
        {
            Assert.Equal("OPERATION_NOT_SUPPORTED",
                (await factory.ClientFor(partner).PostAsync(Record, Input("P-1"))).FirstErrorCode);
        }

        Assert.Equal("OPERATION_NOT_SUPPORTED",
            (await factory.ClientFor(null).PostAsync(Record, Input("P-2"))).FirstErrorCode);
    }
}
