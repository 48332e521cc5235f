using Microsoft.EntityFrameworkCore;
using ProductQuality.Graph.Tests.Infrastructure;

namespace ProductQuality.Graph.Tests.Recording;

/// <summary>Overrides: readable revision, optimistic concurrency, withdrawal, and tiers for the city only.</summary>
[Collection(WritableServerCollection.Name)]
public sealed class OverrideTests(WritableServerFactory factory)
{
    private readonly HttpClient _city = factory.ClientFor("samr-jiaxing");

    private static object ClassInput(string code, int revision, string? @class = "B", string? expiresOn = "2027-06-30",
        string reason = "现场核查发现追溯记录缺失") =>
        new { input = new { idempotencyKey = WriteData.Key(), creditCode = code, @class, reason, expiresOn,
            expectedRevision = revision } };

    [Fact]
    public async Task Override_then_stale_revision_is_CONFLICT_and_nothing_is_written()
    {
        var (code, _, _) = await factory.EnterpriseAsync(20);
        var revision = (await _city.PostAsync("query($c: String!) { enterprise(creditCode: $c) { overrideRevision "
            + "classOverride { class } } }", new { c = code }))
            .EnsureData().Data.GetProperty("enterprise").GetProperty("overrideRevision").GetInt32();

        var done = (await _city.PostAsync(Writes.OverrideEnterpriseClass, ClassInput(code, revision))).EnsureData()
            .Data.GetProperty("overrideEnterpriseClass");
        Assert.Equal(revision + 1, done.GetProperty("enterprise").GetProperty("overrideRevision").GetInt32());
        Assert.Equal("B", done.GetProperty("enterprise").GetProperty("classOverride").GetProperty("class").GetString());

        var rows = await factory.DbAsync(db => db.ClassOverrides.CountAsync());
        var stale = await _city.PostAsync(Writes.OverrideEnterpriseClass, ClassInput(code, revision, "C"));
        Assert.Equal(["CONFLICT input.expectedRevision"], stale.FieldErrors());
        Assert.Equal(revision + 1,
            stale.Json.GetProperty("errors")[0].GetProperty("extensions").GetProperty("currentRevision").GetInt32());
        Assert.Contains("retry", stale.FirstErrorMessage, StringComparison.Ordinal);
        Assert.Equal(rows, await factory.DbAsync(db => db.ClassOverrides.CountAsync()));

        var withdrawn = (await _city.PostAsync(Writes.OverrideEnterpriseClass,
            ClassInput(code, revision + 1, null, null, "复核后撤销"))).EnsureData();
        Assert.Equal(System.Text.Json.JsonValueKind.Null,
            withdrawn.Data.GetProperty("overrideEnterpriseClass").GetProperty("enterprise").GetProperty("classOverride")
                .ValueKind);
    }

    [Fact]
    public async Task Override_needs_reason_and_a_future_expiry_and_withdrawal_needs_an_override()
    {
        var (code, _, _) = await factory.EnterpriseAsync(21);
        var bad = await _city.PostAsync(Writes.OverrideEnterpriseClass, ClassInput(code, 0, "A", WriteData.Today, " "));
        Assert.Equal(["INVALID_INPUT input.expiresOn", "INVALID_INPUT input.reason"],
            bad.FieldErrors().Order(StringComparer.Ordinal));

        var nothing = await _city.PostAsync(Writes.OverrideEnterpriseClass, ClassInput(code, 0, null, null));
        Assert.Equal(["INVALID_INPUT input.class"], nothing.FieldErrors());
    }

    [Fact]
    public async Task Tier_override_by_the_city_and_refused_to_a_county_bureau()
    {
        var revision = (await _city.PostAsync("{ product(code: \"P010\") { overrideRevision } }")).EnsureData()
            .Data.GetProperty("product").GetProperty("overrideRevision").GetInt32();
        var input = new { input = new { idempotencyKey = WriteData.Key(), productCode = "P010", tier = "HIGH",
            reason = "国家抽查通报", expiresOn = "2027-11-30", expectedRevision = revision } };

        var county = await factory.ClientFor("samr-330481").PostAsync(Writes.OverrideProductTier, input);
        Assert.Equal(["OUT_OF_JURISDICTION -"], county.FieldErrors());

        var done = (await _city.PostAsync(Writes.OverrideProductTier, input)).EnsureData()
            .Data.GetProperty("overrideProductTier");
        Assert.Equal("HIGH", done.GetProperty("product").GetProperty("tierOverride").GetProperty("tier").GetString());
        Assert.Equal(revision + 1, done.GetProperty("product").GetProperty("overrideRevision").GetInt32());
    }

    [Fact]
    public async Task Concurrent_overrides_from_one_revision_let_exactly_one_through()
    {
        var (code, _, _) = await factory.EnterpriseAsync(22);
        var clients = Enumerable.Range(0, 4).Select(_ => factory.ClientFor("samr-jiaxing")).ToList();

        var replies = await Task.WhenAll(clients.Select((c, i) =>
            c.PostAsync(Writes.OverrideEnterpriseClass, ClassInput(code, 0, i % 2 == 0 ? "A" : "C"))));

        Assert.Single(replies, r => !r.HasErrors);
        Assert.All(replies.Where(r => r.HasErrors),
            r => Assert.Equal(["CONFLICT input.expectedRevision"], r.FieldErrors()));
        Assert.Equal(1,
            await factory.DbAsync(db => db.ClassOverrides.CountAsync(o =>
                db.Enterprises.Any(e => e.Id == o.EnterpriseId && e.CreditCode == code))));
    }

    [Fact]
    public async Task A_blacklisting_holds_an_overridden_enterprise_at_class_C_and_red()
    {
        var (code, _, _) = await factory.EnterpriseAsync(23);
        const string Status = "query($c: String!) { enterprise(creditCode: $c) { class healthCode overrideRevision "
            + "classOverride { class } } }";
        async Task<System.Text.Json.JsonElement> ReadAsync() =>
            (await _city.PostAsync(Status, new { c = code })).EnsureData().Data.GetProperty("enterprise");
        var revision = (await ReadAsync()).GetProperty("overrideRevision").GetInt32();
        (await _city.PostAsync(Writes.OverrideEnterpriseClass, ClassInput(code, revision, "A"))).EnsureData();
        Assert.Equal("A", (await ReadAsync()).GetProperty("class").GetString());

        (await _city.PostAsync(Writes.RecordBlacklistDecision, new { input = new { idempotencyKey = WriteData.Key(),
            creditCode = code, action = "LIST", decisionNumber = WriteData.Unique("嘉市监黑"), decidedOn = WriteData.Today,
            reasonCategory = "COUNTERFEITING", reason = "以假充真" } })).EnsureData();

        var listed = await ReadAsync();
        Assert.Equal(("C", "RED", "A"), (listed.GetProperty("class").GetString(),
            listed.GetProperty("healthCode").GetString(),
            listed.GetProperty("classOverride").GetProperty("class").GetString()));
        var again = await _city.PostAsync(Writes.OverrideEnterpriseClass,
            ClassInput(code, listed.GetProperty("overrideRevision").GetInt32(), "AA"));
        Assert.Equal(["INVALID_INPUT input.class"], again.FieldErrors());
        Assert.Contains("holds it at class C", again.FirstErrorMessage, StringComparison.Ordinal);
    }
}
