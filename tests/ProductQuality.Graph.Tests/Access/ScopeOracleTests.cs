using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using ProductQuality.Graph.Enterprises;
using ProductQuality.Graph.Tests.Infrastructure;

namespace ProductQuality.Graph.Tests.Access;

/// <summary>
/// No answer tells a caller that data it cannot see exists: every root field, mutation and subscription of the
/// county bureau's and the enterprise's contracts that takes a credit code answers an enterprise outside the caller's
/// rows (another county's; another enterprise's) exactly as a well-formed code that exists nowhere — status, headers,
/// data, errors, messages and extensions alike, once the request id and the code itself are set aside. A field added
/// to <see cref="CountyFields"/> or <see cref="EnterpriseFields"/> is held to the same rule.
/// </summary>
public abstract partial class ScopeOracleTests(TestServerFactory factory)
{
    private const string Day = "2026-11-01";

    private readonly HttpClient _county = factory.ClientFor("samr-330481");
    private readonly HttpClient _city = factory.ClientFor("samr-jiaxing");

    /// <summary>
    /// Field → document with <c>$c</c> the credit code, <c>$o</c> the caller's own and <c>$k</c> an idempotency key.
    /// </summary>
    public static readonly (string Field, string Document)[] CountyFields =
    [
        ("enterprise", "query($c: String!) { enterprise(creditCode: $c) { creditCode name } }"),
        ("enterprise asOf", "query($c: String!) { enterprise(creditCode: $c, asOf: \"" + Day + "\") { name } }"),
        ("enterpriseStatuses", "query($c: String!) { enterpriseStatuses(creditCodes: [$c]) { creditCode known valid "
            + "problem duplicateOf name class healthCode mapColour qualityIndex blacklisted assured } }"),
        ("enterpriseStatuses asOf", "query($c: String!) { enterpriseStatuses(creditCodes: [$c], asOf: \"" + Day
            + "\") { creditCode known valid problem name class blacklisted assured } }"),
        ("blacklistCheck", "query($c: String!) { blacklistCheck(creditCodes: [$c]) { asOf codeCount results { "
            + "creditCode known valid problem duplicateOf name blacklisted blacklistedSince reasonCategory assured "
            + "assuredUntil } } }"),
        ("blacklistCheck beside own", "query($c: String!, $o: String!) { blacklistCheck(creditCodes: [$o, $c, $c]) { "
            + "codeCount results { creditCode known valid duplicateOf name blacklisted assured } } }"),
        ("enterpriseStatuses beside own", "query($c: String!, $o: String!) { enterpriseStatuses(creditCodes: [$c, $o]) "
            + "{ creditCode known valid duplicateOf name class healthCode } }"),
        ("blacklistCheck asOf", "query($c: String!) { blacklistCheck(creditCodes: [$c], asOf: \"" + Day + "\") { "
            + "asOf codeCount results { creditCode known valid problem name blacklisted assured } } }"),
        ("verifyCheckReceipt", "query($c: String!) { x: blacklistCheck(creditCodes: [$c]) { receipt } }"),
        ("whoAccessed", "query($c: String!) { whoAccessed(creditCode: $c, first: 5) { totalCount pageInfo { "
            + "hasNextPage } edges { node { department outcome fieldGroups } } } }"),
        ("whoAccessed from/to", "query($c: String!) { whoAccessed(creditCode: $c, from: \"2020-01-01\", to: \""
            + "2099-12-31\") { totalCount } }"),
        ("accessLog", "query($c: String!) { accessLog(first: 5, filter: { creditCode: $c }) { totalCount edges { "
            + "node { department } } } }"),
        ("accessSummary", "query($c: String!) { accessSummary(filter: { creditCode: $c }) { total byOutcome { "
            + "key count } } }"),
        ("accessLog of own check", "{ accessLog(first: 1, filter: { department: \"samr-330481\" }) { "
            + "items { department outcome fieldGroups creditCodeCount creditCodes } } }"),
        ("accessLog of city check", "{ accessLog(first: 1, filter: { department: \"samr-jiaxing\" }) { items { "
            + "department outcome fieldGroups creditCodeCount creditCodes } } }"),
        ("overrideEnterpriseClass", "mutation($c: String!, $k: String!) { overrideEnterpriseClass(input: { "
            + "creditCode: $c, class: C, expectedRevision: 0, expiresOn: \"2027-06-01\", idempotencyKey: $k, "
            + "reason: \"oracle\" }) { replayed "
            + "enterprise { creditCode } } }"),
        ("recordBlacklistDecision", "mutation($c: String!, $k: String!) { recordBlacklistDecision(input: { "
            + "creditCode: $c, action: LIST, decidedOn: \"" + Day + "\", decisionNumber: \"ORACLE-1\", "
            + "idempotencyKey: $k, reason: \"oracle\", reasonCategory: REPEAT_FAILURE }) { replayed enterprise { "
            + "creditCode } } }"),
        ("recordEnforcementDecision", "mutation($c: String!, $k: String!) { recordEnforcementDecision(input: { "
            + "creditCode: $c, decidedOn: \"" + Day + "\", decisionNumber: \"ORACLE-2\", fineYuan: 100, "
            + "idempotencyKey: $k, kind: PENALTY, summary: \"oracle\" }) { replayed enterprise { creditCode } } }"),
        ("recordManagementStatus", "mutation($c: String!, $k: String!) { recordManagementStatus(input: { "
            + "creditCode: $c, effectiveFrom: \"" + Day + "\", idempotencyKey: $k, note: \"oracle\", qualitySystem: "
            + "NONE, traceability: NONE }) { replayed enterprise { creditCode } } }"),
        ("recordSampling", "mutation($c: String!, $k: String!) { recordSampling(input: { creditCode: $c, batch: "
            + "\"B1\", idempotencyKey: $k, lab: \"lab\", level: COUNTY, passed: false, productCode: \"P004\", "
            + "reportNumber: \"ORACLE-3\", sampledOn: \"" + Day + "\", specModel: \"M1\", failedItems: [{ name: "
            + "\"x\", safetyItem: true }] }) { replayed enterprise { creditCode } } }"),
        ("recordValidComplaint", "mutation($c: String!, $k: String!) { recordValidComplaint(input: { creditCode: $c, "
            + "foundValidOn: \"" + Day + "\", idempotencyKey: $k, productCode: \"P004\", summary: \"oracle\" }) { "
            + "replayed enterprise { creditCode } } }"),
    ];

    /// <summary>The enterprise token's fields that take a code (myEnterprise takes none: it is the token's own).
    /// </summary>
    public static readonly (string Field, string Document)[] EnterpriseFields =
    [
        ("whoAccessed", "query($c: String) { whoAccessed(creditCode: $c, first: 5) { totalCount pageInfo { "
            + "hasNextPage } edges { node { department outcome } } } }"),
        ("whoAccessed from/to", "query($c: String) { whoAccessed(creditCode: $c, from: \"2020-01-01\", to: \""
            + "2099-12-31\") { totalCount } }"),
    ];

    [ProviderFact]
    public async Task Out_of_scope_answers_exactly_as_a_code_that_exists_nowhere()
    {
        var own = await FirstCodeAsync("330481");
        var other = await FirstCodeAsync("330402");
        var unknown = Unknown(other);
        Assert.Equal("null", await CityViewAsync(unknown, "enterprise"));
        var before = await CityViewAsync(other);
        // The city has read the other county's enterprise (just now): the log has entries about it to hide.
        Assert.NotEqual(0, (await _city.PostAsync("query($c: String!) { whoAccessed(creditCode: $c) { totalCount } }",
            new { c = other })).EnsureData().Data.GetProperty("whoAccessed").GetProperty("totalCount").GetInt32());

        var leaks = new List<string>();
        foreach (var (field, document) in CountyFields)
        {
            await CompareAsync(leaks, "county " + field, _county, Prepared(field, document, own), own, other, unknown,
                mutation: document.StartsWith("mutation", StringComparison.Ordinal));
        }

        using var enterprise = factory.ClientForEnterprise(own);
        foreach (var (field, document) in EnterpriseFields)
        {
            await CompareAsync(leaks, "enterprise " + field, enterprise, (_, c) => Task.FromResult(document), own,
                other, unknown, mutation: false);
        }

        Assert.True(leaks.Count == 0, string.Join("\n\n", leaks));
        // Refused as an unknown code is, so nothing was written about the other county's enterprise.
        Assert.Equal(before, await CityViewAsync(other));
    }

    private static async Task CompareAsync(List<string> leaks, string field, HttpClient client,
        Func<HttpClient, string, Task<string>> document, string own, string other, string unknown, bool mutation)
    {
        var outside = await AnswerAsync(client, await document(client, other), other, own);
        var nowhere = await AnswerAsync(client, await document(client, unknown), unknown, own);
        if (outside != nowhere)
        {
            leaks.Add($"{field} tells another's code from an unknown one:\n  outside: {outside}\n  unknown: {nowhere}");
        }

        // The caller's own code is answered: the field does read what is in scope (writes are not sent for it).
        if (!mutation)
        {
            var mine = await client.PostAsync(await document(client, own), new { c = own, o = own });
            Assert.False(mine.HasErrors, $"{field} with the caller's own code: {mine.Body}");
        }
    }

    /// <summary>
    /// The document of a field that needs a request first: verifyCheckReceipt the receipt of the caller's own check of
    /// the codes; the access log's entries of a bulk check beside the caller's own code (the county's own, and the
    /// city's, which the county reads for its own code in it).
    /// </summary>
    private Func<HttpClient, string, Task<string>> Prepared(string field, string document, string own) => field switch
    {
        "verifyCheckReceipt" => async (client, code) =>
        {
            var receipt = (await client.PostAsync(document, new { c = code })).EnsureData().Data
                .GetProperty("x").GetProperty("receipt").GetString();
            return "query($c: String!) { verifyCheckReceipt(creditCodes: [$c], receipt: "
                + JsonSerializer.Serialize(receipt) + ") { valid problem asOf codeCount department keyId } }";
        },
        "accessLog of own check" or "accessLog of city check" => async (client, code) =>
        {
            await (field.EndsWith("city check", StringComparison.Ordinal) ? _city : client).PostAsync(
                "query($c: String!, $o: String!) { blacklistCheck(creditCodes: [$o, $c]) { codeCount } "
                + "enterpriseStatuses(creditCodes: [$c, $o]) { name } }", new { c = code, o = own });
            return document;
        },
        _ => (_, _) => Task.FromResult(document),
    };

    /// <summary>
    /// Status, headers and body as one text, with the request id and the code (and the idempotency key, new per write)
    /// replaced: the only parts that may differ.
    /// </summary>
    private static async Task<string> AnswerAsync(HttpClient client, string document, string code, string own)
    {
        var key = Guid.NewGuid().ToString("N");
        var reply = await client.PostAsync(document, new { c = code, o = own, k = key });
        var text = new StringBuilder().Append((int)reply.Status).Append(' ');
        foreach (var (name, values) in reply.Response.Headers.Concat(reply.Response.Content.Headers)
            .Where(h => !h.Key.Equals("X-Request-Id", StringComparison.OrdinalIgnoreCase))
            .OrderBy(h => h.Key, StringComparer.OrdinalIgnoreCase))
        {
            text.Append(name).Append(": ").AppendJoin(",", values).Append("; ");
        }

        var body = RequestId().Replace(reply.Body, "\"requestId\":\"<id>\"");
        return text.Append(body.Replace(code, "<code>", StringComparison.Ordinal)
            .Replace(key, "<key>", StringComparison.Ordinal)).ToString();
    }

    /// <summary>A well-formed code (right check character) of the same division as <paramref name="like"/> that no
    /// enterprise has.</summary>
    private static string Unknown(string like)
    {
        var code = CreditCode.WithCheckCharacter(like[..8] + "0WQ7Y3K1M");
        Assert.True(CreditCode.Validate(code).IsValid);
        return code;
    }

    /// <summary>What the city reads of the enterprise (or of one <paramref name="part"/>), and the feed's length.
    /// </summary>
    private async Task<string> CityViewAsync(string code, string part = "")
    {
        var data = (await _city.PostAsync("query($c: String!) { enterprise(creditCode: $c) { class blacklisted "
            + "blacklistedSince healthCode classOverride { __typename } } changes(first: 1) { totalCount } }",
            new { c = code })).EnsureData().Data;
        return (part.Length > 0 ? data.GetProperty(part) : data).GetRawText();
    }

    private async Task<string> FirstCodeAsync(string county) =>
        (await _city.PostAsync("query($f: EnterpriseFilter) { enterprises(first: 1, filter: $f) { edges { node { "
            + "creditCode } } } }", new { f = new { countyCode = county } })).EnsureData().Data
            .GetProperty("enterprises").GetProperty("edges")[0].GetProperty("node").GetProperty("creditCode")
            .GetString()!;

    [GeneratedRegex("\"requestId\":\"[^\"]*\"")]
    private static partial Regex RequestId();
}
