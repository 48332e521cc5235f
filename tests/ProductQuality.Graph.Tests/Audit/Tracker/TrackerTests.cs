using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ProductQuality.Graph.Tests.Infrastructure;

namespace ProductQuality.Graph.Tests.Audit.Tracker;

/// <summary>
/// The data tracker through the real pipeline with real tokens: the regulator sees which department received an
/// enterprise's data, when, why and which field groups — and not a request that asked for it but got nothing; a
/// county bureau only its county's enterprises; an enterprise token its own tracker and status and nothing else.
/// </summary>
public abstract class TrackerTests(TestServerFactory factory)
{
    public const string Tracker = """
        query($c: String, $n: Int, $a: String) { whoAccessed(creditCode: $c, first: $n, after: $a) {
          totalCount pageInfo { hasNextPage endCursor }
          edges { node { at department departmentName purpose fieldGroups operationName outcome } } } }
        """;

    private const string RegulatorTracker = """
        query($c: String!, $n: Int) { whoAccessed(creditCode: $c, first: $n) {
          totalCount edges { node { at department departmentName purpose fieldGroups operationName outcome } } } }
        """;

    [ProviderFact]
    public async Task The_regulator_sees_which_department_received_an_enterprise_when_and_why()
    {
        var (x, _) = await TwoEnterprisesAsync();
        var purpose = AccessLogProbe.NewPurpose("loan-review");
        (await factory.ClientFor("finance").PostAsync(
            "query LoanCheck($c: String!) { enterprise(creditCode: $c) { name class healthCode } }",
            purpose, new { c = x.Code }, "LoanCheck")).EnsureData();

        var access = Assert.Single(await AccessesAsync(factory.ClientFor("samr-jiaxing"), RegulatorTracker, x.Code),
            n => n.GetProperty("purpose").GetString() == purpose);
        Assert.Equal("finance", access.GetProperty("department").GetString());
        Assert.Equal("Finance and credit (金融信贷)", access.GetProperty("departmentName").GetString());
        Assert.Equal(["Identity", "Class", "Health"], Strings(access.GetProperty("fieldGroups")));
        Assert.Equal("LoanCheck", access.GetProperty("operationName").GetString());
        Assert.Equal("OK", access.GetProperty("outcome").GetString());
        Assert.False(string.IsNullOrEmpty(access.GetProperty("at").GetString()));
    }

    /// <summary>
    /// The codes appended since the indexer's mark are a range of their key, given as a value: as a subquery in the
    /// same statement, PostgreSQL could not estimate the range and scanned every code row of the log on each look-up
    /// (0.2–0.4 s at 2.7 million codes; a tracker token's 25 aliases held the database for 10 s: the cost probe).
    /// </summary>
    [ProviderFact]
    public async Task The_look_up_by_code_reads_the_appended_codes_from_a_mark_given_as_a_value()
    {
        var (x, _) = await TwoEnterprisesAsync();
        var regulator = factory.ClientFor("samr-jiaxing");
        factory.Sql.Reset();
        (await regulator.PostAsync(RegulatorTracker, new { c = x.Code, n = 5 })).EnsureData();
        (await factory.ClientFor($"samr-{x.County}").PostAsync(
            "{ accessSummary { byDepartment { key count } } }")).EnsureData();

        var tails = factory.Sql.Texts.Where(t => t.Contains("\"AccessLogCodes\"", StringComparison.Ordinal)).ToList();
        Assert.True(tails.Count >= 2, $"{tails.Count} statements read the appended codes");
        Assert.All(tails, t => Assert.DoesNotContain("AccessLogCodeIndexMarks", t, StringComparison.Ordinal));
    }

    [ProviderFact]
    public async Task A_request_that_asked_for_an_enterprise_but_got_nothing_is_not_on_its_tracker()
    {
        // A county bureau asks for one enterprise of its county and one of another: only the first is returned.
        var (x, y) = await TwoEnterprisesAsync();
        var purpose = AccessLogProbe.NewPurpose("both");
        (await factory.ClientFor($"samr-{x.County}").PostAsync(
            "query($a: [String!]!) { enterpriseStatuses(creditCodes: $a) { known class } }", purpose,
            new { a = new[] { x.Code, y.Code } })).EnsureData();

        var regulator = factory.ClientFor("samr-jiaxing");
        Assert.Single(await AccessesAsync(regulator, RegulatorTracker, x.Code),
            n => n.GetProperty("purpose").GetString() == purpose);
        Assert.DoesNotContain(await AccessesAsync(regulator, RegulatorTracker, y.Code),
            n => n.GetProperty("purpose").GetString() == purpose);
    }

    [ProviderFact]
    public async Task A_county_bureau_tracks_only_its_own_county_and_another_county_reads_as_unknown()
    {
        var (x, y) = await TwoEnterprisesAsync();
        var purpose = AccessLogProbe.NewPurpose("county");
        (await factory.ClientFor("finance").PostAsync(
            "query($a: [String!]!) { enterpriseStatuses(creditCodes: $a) { known } }", purpose,
            new { a = new[] { x.Code, y.Code } })).EnsureData();

        var bureau = factory.ClientFor($"samr-{x.County}");
        Assert.Single(await AccessesAsync(bureau, RegulatorTracker, x.Code),
            n => n.GetProperty("purpose").GetString() == purpose);
        var elsewhere = (await bureau.PostAsync(RegulatorTracker, new { c = y.Code, n = 10 })).EnsureData()
            .Data.GetProperty("whoAccessed");
        Assert.Equal(0, elsewhere.GetProperty("totalCount").GetInt32());
    }

    [ProviderFact]
    public async Task An_enterprise_token_sees_its_own_tracker_and_status()
    {
        var (x, _) = await TwoEnterprisesAsync();
        var purpose = AccessLogProbe.NewPurpose("credit-check");
        (await factory.ClientFor("finance").PostAsync(
            "query($c: String!) { enterprise(creditCode: $c) { name } }", purpose, new { c = x.Code })).EnsureData();

        var enterprise = factory.ClientForEnterprise(x.Code);
        var mine = await AccessesAsync(enterprise, Tracker, null);
        var access = Assert.Single(mine, n => n.GetProperty("purpose").GetString() == purpose);
        Assert.Equal("finance", access.GetProperty("department").GetString());
        Assert.Equal(["Identity"], Strings(access.GetProperty("fieldGroups")));
        Assert.Equal(mine.Count, (await AccessesAsync(enterprise, Tracker, x.Code)).Count);

        var status = (await enterprise.PostAsync("{ myEnterprise { creditCode known name class healthCode "
                + "qualityIndex blacklisted assured } }"))
            .EnsureData().Data.GetProperty("myEnterprise");
        var stored = await factory.DbAsync(
            db => db.Enterprises.AsNoTracking().SingleAsync(e => e.CreditCode == x.Code));
        Assert.Equal(x.Code, status.GetProperty("creditCode").GetString());
        Assert.True(status.GetProperty("known").GetBoolean());
        Assert.Equal(stored.Name, status.GetProperty("name").GetString());
        Assert.Equal(stored.Class.ToString(), status.GetProperty("class").GetString());
        Assert.Equal(stored.IsBlacklisted, status.GetProperty("blacklisted").GetBoolean());
        Assert.Equal(stored.IsAssured, status.GetProperty("assured").GetBoolean());
    }

    [ProviderFact]
    public async Task The_enterprise_reading_its_own_data_is_logged_as_the_enterprise_audience()
    {
        var (x, _) = await TwoEnterprisesAsync();
        var purpose = AccessLogProbe.NewPurpose("self");
        (await factory.ClientForEnterprise(x.Code).PostAsync("{ myEnterprise { class } }", purpose)).EnsureData();

        var entry = await factory.EntryAsync(purpose);
        Assert.Equal("enterprise-self", entry.Department);
        Assert.Equal(x.Code, entry.Subject);
        Assert.Equal([x.Code], AccessLogProbe.CodesOf(entry));
        var access = Assert.Single(await AccessesAsync(factory.ClientFor("samr-jiaxing"), RegulatorTracker, x.Code),
            n => n.GetProperty("purpose").GetString() == purpose);
        Assert.Equal("enterprise-self", access.GetProperty("department").GetString());
    }

    [ProviderFact]
    public async Task An_enterprise_token_is_refused_another_enterprises_tracker()
    {
        var (x, y) = await TwoEnterprisesAsync();
        var reply = await factory.ClientForEnterprise(x.Code).PostAsync(Tracker, new { c = y.Code });
        Assert.Equal("NOT_YOUR_ENTERPRISE", reply.FirstErrorCode);
        Assert.DoesNotContain(y.Code, reply.FirstErrorMessage, StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, reply.Data.ValueKind);
    }

    private static async Task<List<JsonElement>> AccessesAsync(HttpClient client, string query, string? code) =>
        (await client.PostAsync(query, new { c = code, n = 100 })).EnsureData().Data.GetProperty("whoAccessed")
        .GetProperty("edges").EnumerateArray().Select(e => e.GetProperty("node")).ToList();

    private static string[] Strings(JsonElement array) =>
        array.EnumerateArray().Select(e => e.GetString()!).ToArray();

    /// <summary>An enterprise of Haining (330481) and one of another county.</summary>
    private async Task<(Subject X, Subject Y)> TwoEnterprisesAsync()
    {
        var rows = await factory.DbAsync(db => db.Enterprises.AsNoTracking().OrderBy(e => e.Id)
            .Select(e => new Subject(e.CreditCode, e.CountyCode)).ToListAsync());
        var x = rows.First(r => r.County == "330481");
        return (x, rows.First(r => r.County != x.County));
    }

    private sealed record Subject(string Code, string County);
}

/// <summary>The <see cref="TrackerTests"/> on the embedded SQLite database.</summary>
[Collection(ServerCollection.Name)]
public sealed class TrackerOnSqliteTests(GraphServerFactory factory) : TrackerTests(factory);

/// <summary>The <see cref="TrackerTests"/> on PostgreSQL (skipped locally without PQG_TEST_POSTGRES).</summary>
[OnPostgres]
[Collection(ServerCollection.Name)]
public sealed class TrackerOnPostgresTests(PostgresServerFactory factory) : TrackerTests(factory);
