using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using ProductQuality.Graph.Tests.Infrastructure;

namespace ProductQuality.Graph.Tests.Receipts;

/// <summary>
/// Signed check receipts: a receipt proves what was asked (and answered) — verified by the server, by anyone with the
/// published JWK set, after a key rotation — and refuses a tampered receipt or another code list.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class CheckReceiptTests(GraphServerFactory factory)
{
    private const string Check = """
        query($codes: [String!]!) {
          blacklistCheck(creditCodes: $codes) {
            checkId receipt results { creditCode valid known blacklisted blacklistedSince assured assuredUntil }
          }
        }
        """;

    private const string Verify = """
        query($receipt: String!, $codes: [String!]!) {
          verifyCheckReceipt(receipt: $receipt, creditCodes: $codes) {
            valid problem checkId department asOf codeCount keyId answersDigest
          }
        }
        """;

    private static readonly string[] Codes =
        ["91330481704213653E", "91310110666007217U", "91330481704213653E", "9131011066600721"];

    [Fact]
    public async Task A_receipt_is_verified_with_its_codes_and_refused_with_others()
    {
        var client = factory.ClientFor("project-approval");
        var check = (await client.PostAsync(Check, new { codes = Codes })).EnsureData()
            .Data.GetProperty("blacklistCheck");
        var receipt = check.GetProperty("receipt").GetString()!;

        var ok = await VerifyAsync(client, receipt, Codes);
        Assert.True(ok.GetProperty("valid").GetBoolean(), ok.ToString());
        Assert.Equal(check.GetProperty("checkId").GetString(), ok.GetProperty("checkId").GetString());
        Assert.Equal("project-approval", ok.GetProperty("department").GetString());
        Assert.Equal(4, ok.GetProperty("codeCount").GetInt32());

        var reordered = await VerifyAsync(client, receipt, [Codes[1], Codes[0], Codes[2], Codes[3]]);
        Assert.False(reordered.GetProperty("valid").GetBoolean());
        Assert.Contains("not the codes checked", reordered.GetProperty("problem").GetString(),
            StringComparison.Ordinal);
        var shorter = await VerifyAsync(client, receipt, Codes[..3]);
        Assert.Contains("is for 4 codes; 3 were given", shorter.GetProperty("problem").GetString(),
            StringComparison.Ordinal);
        var tooMany = await client.PostAsync(Verify,
            new { receipt, codes = Enumerable.Repeat(Codes[0], 10_001).ToArray() });
        Assert.Equal("TOO_MANY_CODES", tooMany.FirstErrorCode);
    }

    [Fact]
    public async Task A_tampered_receipt_or_one_that_is_no_receipt_is_refused()
    {
        var client = factory.ClientFor("project-approval");
        var receipt = await ReceiptAsync(client, Codes);
        var parts = receipt.Split('.');
        var payload = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(Base64UrlEncoder.Decode(parts[1]))!;
        payload["dept"] = JsonSerializer.SerializeToElement("finance");
        var forged = $"{parts[0]}.{Base64UrlEncoder.Encode(JsonSerializer.Serialize(payload))}.{parts[2]}";

        foreach (var bad in new[] { forged, "not a receipt", parts[0] + "." + parts[1] + ".AAAA" })
        {
            var verdict = await VerifyAsync(client, bad, Codes);
            Assert.False(verdict.GetProperty("valid").GetBoolean());
            Assert.Equal(JsonValueKind.Null, verdict.GetProperty("checkId").ValueKind);
            Assert.DoesNotContain("Exception", verdict.GetProperty("problem").GetString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_receipt_from_a_rotated_key_is_still_verified_and_the_jwks_lists_both_keys()
    {
        var (oldPem, newPem) = (ReceiptServer.NewKeyPem(), ReceiptServer.NewKeyPem());
        string receipt;
        using (var before = ReceiptServer.With(factory, oldPem, "receipts-2026"))
        {
            receipt = await ReceiptAsync(ReceiptServer.ClientFor(before, "tax"), Codes);
        }

        using var rotated = ReceiptServer.With(factory, newPem, "receipts-2027",
            ("receipts-2026", ReceiptServer.PublicPem(oldPem)));
        using var forgotten = ReceiptServer.With(factory, newPem, "receipts-2027");

        var kept = await VerifyAsync(ReceiptServer.ClientFor(rotated, "tax"), receipt, Codes);
        Assert.True(kept.GetProperty("valid").GetBoolean(), kept.ToString());
        Assert.Equal("receipts-2026", kept.GetProperty("keyId").GetString());
        var lost = await VerifyAsync(ReceiptServer.ClientFor(forgotten, "tax"), receipt, Codes);
        Assert.False(lost.GetProperty("valid").GetBoolean());

        // Offline, with nothing but the published keys: the signature holds under the kid in its header.
        var jwks = new JsonWebKeySet(await rotated.CreateClient().GetStringAsync("/.well-known/jwks.json"));
        Assert.Equal(["receipts-2026", "receipts-2027"], jwks.Keys.Select(k => k.Kid).Order(StringComparer.Ordinal));
        var offline = await new JsonWebTokenHandler().ValidateTokenAsync(receipt, new TokenValidationParameters
        {
            IssuerSigningKeys = jwks.GetSigningKeys(), ValidateIssuer = false, ValidateAudience = false,
            ValidateLifetime = false, RequireExpirationTime = false, ValidAlgorithms = [SecurityAlgorithms.EcdsaSha256],
        });
        Assert.True(offline.IsValid, offline.Exception?.Message);
    }

    /// <summary>
    /// A receipt checked under another issuer is refused for its issuer, not called altered (its signature holds: a
    /// bureau that renamed its issuer saw every older receipt reported as tampered with; the ops probe).
    /// </summary>
    [Fact]
    public async Task A_receipt_of_another_issuer_is_refused_for_its_issuer()
    {
        var pem = ReceiptServer.NewKeyPem();
        string receipt;
        using (var issued = ReceiptServer.With(factory, pem, "receipts-2026"))
        {
            receipt = await ReceiptAsync(ReceiptServer.ClientFor(issued, "tax"), Codes);
        }

        using var renamed = ReceiptServer.With(factory, pem, "receipts-2026")
            .WithWebHostBuilder(b => b.UseSetting("Receipts:Issuer", "bureau-renamed"));
        var refused = await VerifyAsync(ReceiptServer.ClientFor(renamed, "tax"), receipt, Codes);
        Assert.False(refused.GetProperty("valid").GetBoolean());
        Assert.StartsWith("The receipt was issued by 'productquality-graph', not by this server's issuer "
            + "'bureau-renamed'", refused.GetProperty("problem").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_receipt_verify_verb_checks_codes_and_answers_offline()
    {
        var pem = ReceiptServer.NewKeyPem();
        using var server = ReceiptServer.With(factory, pem, "receipts-cli");
        var reply = (await ReceiptServer.ClientFor(server, "project-approval").PostAsync(Check, new { codes = Codes }))
            .EnsureData().Data.GetProperty("blacklistCheck");
        using var verb = new VerbProcess();
        var kept = Path.Combine(verb.Folder, "kept.json");
        var tampered = Path.Combine(verb.Folder, "tampered.json");
        var results = reply.GetProperty("results").GetRawText();
        var flipped = results.Replace("\"valid\":false", "\"valid\":true", StringComparison.Ordinal);
        var (receipt, codes) = (reply.GetProperty("receipt").GetString(), JsonSerializer.Serialize(Codes));
        await File.WriteAllTextAsync(kept,
            $$"""{"receipt": "{{receipt}}", "creditCodes": {{codes}}, "results": {{results}}}""");
        await File.WriteAllTextAsync(tampered,
            $$"""{"receipt": "{{receipt}}", "creditCodes": {{codes}}, "results": {{flipped}}}""");
        string[] settings = ["--Receipts:SigningKey=" + pem, "--Receipts:KeyId=receipts-cli"];

        var (exit, output, error) = await verb.RunAsync(["receipt", "verify", kept, .. settings]);
        var (tamperedExit, tamperedOutput, _) = await verb.RunAsync(["receipt", "verify", tampered, .. settings]);

        Assert.True(exit == 0, $"exit {exit}: {output} {error}");
        Assert.Contains("\"answersChecked\":true", output, StringComparison.Ordinal);
        Assert.Equal(1, tamperedExit);
        Assert.Contains("not the answers", tamperedOutput, StringComparison.Ordinal);
        // The answers were checked, and found wrong: it said false beside that (the docs probe).
        Assert.Contains("\"answersChecked\":true", tamperedOutput, StringComparison.Ordinal);
    }

    /// <summary>
    /// The verb prints its verdict as text to read: the library's default encoder wrote "The receipt\u0027s
    /// signature …". Neither the verdict of a valid or a tampered receipt nor the refusal of a malformed file may
    /// hold an escape a reader has to decode.
    /// </summary>
    [Fact]
    public async Task The_receipt_verify_verb_prints_its_sentences_without_escapes()
    {
        var pem = ReceiptServer.NewKeyPem();
        using var server = ReceiptServer.With(factory, pem, "receipts-text");
        var receipt = await ReceiptAsync(ReceiptServer.ClientFor(server, "project-approval"), Codes);
        var parts = receipt.Split('.');
        var payload = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(Base64UrlEncoder.Decode(parts[1]))!;
        payload["dept"] = JsonSerializer.SerializeToElement("finance");
        var forged = $"{parts[0]}.{Base64UrlEncoder.Encode(JsonSerializer.Serialize(payload))}.{parts[2]}";
        using var verb = new VerbProcess();
        var codes = JsonSerializer.Serialize(Codes);
        var files = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["valid"] = $$"""{"receipt": "{{receipt}}", "creditCodes": {{codes}}}""",
            ["tampered"] = $$"""{"receipt": "{{forged}}", "creditCodes": {{codes}}}""",
            ["malformed"] = """{"receipt": 'x'}""",
        };
        string[] settings = ["--Receipts:SigningKey=" + pem, "--Receipts:KeyId=receipts-text"];

        var said = new Dictionary<string, (int Exit, string Out, string Error)>(StringComparer.Ordinal);
        foreach (var (name, text) in files)
        {
            var file = Path.Combine(verb.Folder, name + ".json");
            await File.WriteAllTextAsync(file, text);
            said[name] = await verb.RunAsync(["receipt", "verify", file, .. settings]);
            Assert.DoesNotContain("\\u00", said[name].Out + said[name].Error, StringComparison.Ordinal);
        }

        Assert.True(said["valid"].Exit == 0, said["valid"].Out + said["valid"].Error);
        Assert.Equal(1, said["tampered"].Exit);
        Assert.Contains("The receipt's signature does not verify", said["tampered"].Out, StringComparison.Ordinal);
        Assert.Equal(2, said["malformed"].Exit);
        Assert.Contains("it must be JSON with \"receipt\"", said["malformed"].Error, StringComparison.Ordinal);
    }

    private static async Task<string> ReceiptAsync(HttpClient client, string[] codes) =>
        (await client.PostAsync(Check, new { codes })).EnsureData().Data.GetProperty("blacklistCheck")
            .GetProperty("receipt").GetString()!;

    private static async Task<JsonElement> VerifyAsync(HttpClient client, string receipt, string[] codes) =>
        (await client.PostAsync(Verify, new { receipt, codes })).EnsureData().Data.GetProperty("verifyCheckReceipt");
}
