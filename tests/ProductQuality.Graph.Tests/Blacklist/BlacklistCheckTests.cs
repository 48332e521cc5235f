using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ProductQuality.Graph.Tests.Infrastructure;
using Snapshooter.Xunit;

namespace ProductQuality.Graph.Tests.Blacklist;

/// <summary>
/// <c>blacklistCheck</c> as a project-approval system calls it: 10,000 codes in one request, every kind of code a
/// real applicant list holds, answered one result per code in input order, within the caller's contract and rows.
/// </summary>
public abstract class BlacklistCheckTests(TestServerFactory factory)
{
    private const string Check = """
        query($codes: [String!]!, $day: Date) {
          blacklistCheck(creditCodes: $codes, asOf: $day) {
            checkId codeCount asOf
            results { creditCode valid problem duplicateOf known name blacklisted blacklistedSince assured }
          }
        }
        """;

    [ProviderTheory]
    [InlineData("project-approval", null)]
    [InlineData("samr-330481", "330481")]
    public async Task Ten_thousand_codes_answer_one_result_each_in_input_order(string department, string? county)
    {
        var bulk = await BulkCodes.MakeAsync(factory, 10_000);

        var reply = (await factory.ClientFor(department).PostAsync(Check, new { codes = bulk.Codes })).EnsureData();

        var check = reply.Data.GetProperty("blacklistCheck");
        Assert.Equal(10_000, check.GetProperty("codeCount").GetInt32());
        var results = check.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(bulk.Codes, results.Select(r => r.GetProperty("creditCode").GetString()));
        var firstSeen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < results.Count; i++)
        {
            var (code, result) = (bulk.Codes[i], results[i]);
            var earlier = firstSeen.TryAdd(code, i) ? (int?)null : firstSeen[code];
            Assert.Equal(earlier, Int(result, "duplicateOf"));
            var valid = result.GetProperty("valid").GetBoolean();
            Assert.Equal(valid, result.GetProperty("problem").ValueKind == JsonValueKind.Null);
            var seen = bulk.Seeded.GetValueOrDefault(code) is { } e && (county is null || e.CountyCode == county)
                ? e : null;
            Assert.Equal(seen is not null, result.GetProperty("known").GetBoolean());
            if (seen is null)
            {
                // Unknown, malformed and another county's codes read alike: nothing but the verdict on the code.
                Assert.Equal(JsonValueKind.Null, result.GetProperty("blacklisted").ValueKind);
                Assert.Equal(JsonValueKind.Null, result.GetProperty("name").ValueKind);
                continue;
            }

            Assert.True(valid);
            Assert.Equal(seen.Blacklisted, result.GetProperty("blacklisted").GetBoolean());
            Assert.Equal(seen.BlacklistedSince?.ToString("yyyy-MM-dd", null),
                result.GetProperty("blacklistedSince").GetString());
            Assert.Equal(seen.Assured, result.GetProperty("assured").GetBoolean());
        }

        Assert.Contains(results, r => r.GetProperty("blacklisted").ValueKind == JsonValueKind.True);
        Assert.Contains(results, r => !r.GetProperty("valid").GetBoolean());
        Assert.Contains(results, r => Int(r, "duplicateOf") is not null);
        Assert.Contains(results, r => r.GetProperty("valid").GetBoolean() && !r.GetProperty("known").GetBoolean());
    }

    [ProviderFact]
    public async Task More_codes_than_the_limit_is_TOO_MANY_CODES_naming_it()
    {
        var codes = Enumerable.Repeat("91330481704213653E", 10_001).ToList();

        var reply = await factory.ClientFor("project-approval").PostAsync(Check, new { codes });

        Assert.Equal("TOO_MANY_CODES", reply.FirstErrorCode);
        Assert.Contains("10,000", reply.FirstErrorMessage, StringComparison.Ordinal);
        var extensions = reply.Json.GetProperty("errors")[0].GetProperty("extensions");
        Assert.Equal(10_000, extensions.GetProperty("limit").GetInt32());
        Assert.Equal(10_001, extensions.GetProperty("count").GetInt32());
    }

    [ProviderFact]
    public async Task The_public_budget_bounds_a_bulk_check()
    {
        var codes = Enumerable.Repeat("91330481704213653E", 10_000).ToList();

        var reply = await factory.ClientFor(null).PostAsync(Check.Replace(" name", "", StringComparison.Ordinal),
            new { codes });

        Assert.Equal("QUERY_TOO_COMPLEX", reply.FirstErrorCode);
        // A check has no page to shrink: the refusal says to send fewer codes (it said only "smaller pages (first)"),
        // written directly or through a fragment at the root (the re-probe).
        Assert.Contains("sent to blacklistCheck counts a row for every list it returns: send fewer codes per request",
            reply.FirstErrorMessage, StringComparison.Ordinal);
        var throughFragment = await factory.ClientFor(null).PostAsync(
            "query($codes: [String!]!) { ...F } fragment F on Query { ... { blacklistCheck(creditCodes: $codes) { "
            + "results { known } } } }", new { codes });
        Assert.Equal("QUERY_TOO_COMPLEX", throughFragment.FirstErrorCode);
        Assert.Contains("sent to blacklistCheck counts a row", throughFragment.FirstErrorMessage,
            StringComparison.Ordinal);
        var extensions = reply.Json.GetProperty("errors")[0].GetProperty("extensions");
        Assert.Equal(20_000, extensions.GetProperty("cost").GetInt64());
    }

    [ProviderFact]
    public async Task A_long_code_is_echoed_cut_so_no_answer_multiplies_what_was_sent()
    {
        // One long "code" in one variable, read by 20 aliases of each bulk field: echoed whole, the answer was the
        // input times 40 (200 aliases of a 950 KB code made 190 MB for the public).
        var code = new string('A', 200_000);
        var aliases = string.Join(' ', Enumerable.Range(0, 20).Select(i =>
            $"b{i}: blacklistCheck(creditCodes: $c) {{ results {{ creditCode valid }} }} "
            + $"s{i}: enterpriseStatuses(creditCodes: $c) {{ creditCode valid }}"));

        var reply = (await factory.ClientFor("finance").PostAsync($"query($c: [String!]!) {{ {aliases} }}",
            new { c = new[] { code } })).EnsureData();

        var echoes = reply.Data.EnumerateObject().Select(a => a.Name.StartsWith('b')
            ? a.Value.GetProperty("results")[0] : a.Value[0]).ToList();
        Assert.Equal(40, echoes.Count);
        Assert.All(echoes, e => Assert.Equal(new string('A', 40) + "…", e.GetProperty("creditCode").GetString()));
        Assert.True(reply.Body.Length < code.Length, $"the answer has {reply.Body.Length:N0} characters");
    }

    [ProviderFact]
    public async Task AsOf_answers_before_and_after_a_listing()
    {
        var day = new DateOnly(2025, 6, 30);
        var code = await factory.DbAsync(db => db.Enterprises.AsNoTracking()
            .Where(e => e.IsBlacklisted && e.BlacklistedSince > day
                && db.EnterpriseAssessments.Any(a => a.EnterpriseId == e.Id && a.EffectiveFrom <= day))
            .OrderBy(e => e.Id).Select(e => e.CreditCode).FirstAsync());
        var client = factory.ClientFor("project-approval");

        var before = await client.PostAsync(Check, new { codes = new[] { code }, day = "2025-06-30" });
        var after = await client.PostAsync(Check, new { codes = new[] { code }, day = (string?)null });

        var then = before.EnsureData().Data.GetProperty("blacklistCheck");
        Assert.Equal("2025-06-30", then.GetProperty("asOf").GetString());
        Assert.False(then.GetProperty("results")[0].GetProperty("blacklisted").GetBoolean());
        var now = after.EnsureData().Data.GetProperty("blacklistCheck").GetProperty("results")[0];
        Assert.True(now.GetProperty("blacklisted").GetBoolean());
        Assert.Equal(JsonValueKind.String, now.GetProperty("blacklistedSince").ValueKind);
    }

    /// <summary>The check reads the histories in its own set-based SQL; enterpriseStatuses goes through the
    /// enterprise(asOf) loaders. For every enterprise and several days — before most were assessed, around listings,
    /// today — both must say the same: known (assessed by then), listed, assured.</summary>
    [ProviderTheory]
    [InlineData("2019-01-01")]
    [InlineData("2024-03-31")]
    [InlineData("2025-06-30")]
    [InlineData("2026-11-28")]
    public async Task AsOf_agrees_with_the_enterprise_loaders_for_every_enterprise(string day)
    {
        var codes = await factory.DbAsync(db => db.Enterprises.AsNoTracking().OrderBy(e => e.Id)
            .Select(e => e.CreditCode).ToListAsync());
        var client = factory.ClientFor("samr-jiaxing");

        var check = (await client.PostAsync(Check, new { codes, day })).EnsureData().Data
            .GetProperty("blacklistCheck").GetProperty("results").EnumerateArray().ToList();
        var statuses = (await client.PostAsync("""
            query($codes: [String!]!, $day: Date) {
              enterpriseStatuses(creditCodes: $codes, asOf: $day) { known blacklisted assured } }
            """, new { codes, day })).EnsureData().Data.GetProperty("enterpriseStatuses").EnumerateArray().ToList();

        Assert.Contains(check, r => r.GetProperty("known").GetBoolean());
        for (var i = 0; i < codes.Count; i++)
        {
            var (c, s) = (check[i], statuses[i]);
            Assert.True(s.GetProperty("known").GetBoolean() == c.GetProperty("known").GetBoolean(),
                $"{codes[i]} known on {day}");
            Assert.True(s.GetProperty("blacklisted").ToString() == c.GetProperty("blacklisted").ToString(),
                $"{codes[i]} blacklisted on {day}");
            Assert.True(s.GetProperty("assured").ToString() == c.GetProperty("assured").ToString(),
                $"{codes[i]} assured on {day}");
        }
    }

    [ProviderFact]
    public async Task What_project_approval_sees_matches_snapshot_and_reason_category_is_not_in_its_contract()
    {
        var codes = await BulkCodes.SampleAsync(factory);
        var client = factory.ClientFor("project-approval");

        var reply = (await client.PostAsync(Check, new { codes })).EnsureData();
        var withReason = await client.PostAsync(
            "query($codes: [String!]!) { blacklistCheck(creditCodes: $codes) { results { reasonCategory } } }",
            new { codes });
        var finance = (await factory.ClientFor("finance").PostAsync(
            "query($codes: [String!]!) { blacklistCheck(creditCodes: $codes) { results { reasonCategory } } }",
            new { codes })).EnsureData();

        var results = reply.Data.GetProperty("blacklistCheck").GetProperty("results");
        Snapshot.Match(Newtonsoft.Json.Linq.JToken.Parse(results.GetRawText()));
        Assert.True(withReason.HasErrors);
        Assert.Contains("reasonCategory", withReason.FirstErrorMessage, StringComparison.Ordinal);
        Assert.Contains(finance.Data.GetProperty("blacklistCheck").GetProperty("results").EnumerateArray(),
            r => r.GetProperty("reasonCategory").ValueKind == JsonValueKind.String);
    }

    private static int? Int(JsonElement result, string name) =>
        result.GetProperty(name).ValueKind == JsonValueKind.Null ? null : result.GetProperty(name).GetInt32();
}
