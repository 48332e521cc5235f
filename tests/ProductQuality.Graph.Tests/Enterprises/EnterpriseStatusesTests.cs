using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ProductQuality.Graph.Tests.Blacklist;
using ProductQuality.Graph.Tests.Infrastructure;
using Snapshooter.Xunit;

namespace ProductQuality.Graph.Tests.Enterprises;

/// <summary>
/// <c>enterpriseStatuses</c>: 1,000 codes in one request, per item, as each contract may read them, now and as of a
/// past day, in a bounded number of SQL statements.
/// </summary>
public abstract class EnterpriseStatusesTests(TestServerFactory factory)
{
    private const string Statuses = """
        query($codes: [String!]!, $day: Date) {
          enterpriseStatuses(creditCodes: $codes, asOf: $day) {
            creditCode valid problem duplicateOf known name class healthCode qualityIndex mapColour blacklisted assured
          }
        }
        """;

    [ProviderFact]
    public async Task A_thousand_codes_answer_one_status_each_in_input_order()
    {
        var bulk = await BulkCodes.MakeAsync(factory, 1_000);
        var classes = await factory.DbAsync(db => db.Enterprises.AsNoTracking()
            .ToDictionaryAsync(e => e.CreditCode,
                e => (Class: e.Class.ToString().ToUpperInvariant(), e.IsBlacklisted)));

        var reply = (await factory.ClientFor("finance").PostAsync(Statuses, new { codes = bulk.Codes })).EnsureData();

        var statuses = reply.Data.GetProperty("enterpriseStatuses").EnumerateArray().ToList();
        Assert.Equal(bulk.Codes, statuses.Select(s => s.GetProperty("creditCode").GetString()));
        foreach (var (code, status) in bulk.Codes.Zip(statuses))
        {
            var known = classes.TryGetValue(code, out var seeded);
            Assert.Equal(known, status.GetProperty("known").GetBoolean());
            if (known)
            {
                Assert.Equal(seeded.Class, status.GetProperty("class").GetString());
                Assert.Equal(seeded.IsBlacklisted, status.GetProperty("blacklisted").GetBoolean());
            }
            else
            {
                Assert.Equal(JsonValueKind.Null, status.GetProperty("class").ValueKind);
            }
        }
    }

    [ProviderFact]
    public async Task More_than_a_thousand_codes_is_TOO_MANY_CODES()
    {
        var reply = await factory.ClientFor("finance").PostAsync(Statuses,
            new { codes = Enumerable.Repeat("91330481704213653E", 1_001).ToList() });

        Assert.Equal("TOO_MANY_CODES", reply.FirstErrorCode);
        Assert.Contains("1,000", reply.FirstErrorMessage, StringComparison.Ordinal);
    }

    [ProviderFact]
    public async Task AsOf_agrees_with_enterprise_asOf_and_reads_all_enterprises_in_a_few_statements()
    {
        var codes = await factory.DbAsync(db => db.Enterprises.AsNoTracking().OrderBy(e => e.Id)
            .Select(e => e.CreditCode).ToListAsync());
        var listedLater = await factory.DbAsync(db => db.Enterprises.AsNoTracking()
            .Where(e => e.IsBlacklisted && e.BlacklistedSince > new DateOnly(2025, 6, 30)
                && db.EnterpriseAssessments.Any(a => a.EnterpriseId == e.Id
                    && a.EffectiveFrom <= new DateOnly(2025, 6, 30)))
            .OrderBy(e => e.Id).Select(e => e.CreditCode).FirstAsync());
        var client = factory.ClientFor("samr-jiaxing");

        factory.Sql.Reset();
        var reply = (await client.PostAsync(Statuses, new { codes, day = "2025-06-30" })).EnsureData();
        var statements = factory.Sql.Count;
        var one = (await client.PostAsync(
            "query($code: String!) { enterprise(creditCode: $code, asOf: \"2025-06-30\") { " +
            "class healthCode qualityIndex mapColour blacklisted assured } }",
            new { code = listedLater })).EnsureData().Data.GetProperty("enterprise");

        Assert.InRange(statements, 1, 8);
        var statuses = reply.Data.GetProperty("enterpriseStatuses").EnumerateArray().ToList();
        var status = statuses[codes.IndexOf(listedLater)];
        Assert.False(status.GetProperty("blacklisted").GetBoolean());
        foreach (var field in new[] { "class", "healthCode", "qualityIndex", "mapColour", "blacklisted", "assured" })
        {
            Assert.Equal(one.GetProperty(field).ToString(), status.GetProperty(field).ToString());
        }
    }

    [ProviderFact]
    public async Task Each_contract_reads_its_own_fields_and_the_public_has_no_directory()
    {
        var codes = await factory.DbAsync(db => db.Enterprises.AsNoTracking().OrderBy(e => e.CreditCode).Take(3)
            .Select(e => e.CreditCode).ToListAsync());
        codes.AddRange(["91310110666007217U", codes[0], "91310110666007217T"]);
        const string compact = """
            query($codes: [String!]!) {
              enterpriseStatuses(creditCodes: $codes) {
                creditCode valid problem duplicateOf known name blacklisted assured
              }
            }
            """;

        var approval = (await factory.ClientFor("project-approval").PostAsync(compact, new { codes })).EnsureData();
        var approvalClass = await factory.ClientFor("project-approval").PostAsync(Statuses, new { codes });
        var finance = (await factory.ClientFor("finance").PostAsync(Statuses, new { codes })).EnsureData();
        var anonymous = await factory.ClientFor(null).PostAsync(compact, new { codes });

        Snapshot.Match(Newtonsoft.Json.Linq.JToken.Parse(approval.Data.GetRawText()),
            "EnterpriseStatuses.project-approval");
        Snapshot.Match(Newtonsoft.Json.Linq.JToken.Parse(finance.Data.GetRawText()), "EnterpriseStatuses.finance");
        Assert.Contains("class", approvalClass.FirstErrorMessage, StringComparison.Ordinal);
        Assert.Contains("enterpriseStatuses", anonymous.FirstErrorMessage, StringComparison.Ordinal);
    }
}
