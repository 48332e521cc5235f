using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ProductQuality.Graph.Tests.Changes;
using ProductQuality.Graph.Tests.Infrastructure;
using ProductQuality.Graph.Tests.Recording;

namespace ProductQuality.Graph.Tests.Enforcement;

/// <summary>
/// Values both databases must store alike, or refuse alike: a fine with fractions of a fen (PostgreSQL's column
/// rounded 1.005 to 1.01 while SQLite kept it, and 999999999999.995 overflowed into INTERNAL_ERROR), and texts of
/// characters outside the Basic Multilingual Plane at their caps (an emoji is one character to the schema's limits
/// and to PostgreSQL's varchar, two UTF-16 units to .NET).
/// </summary>
public abstract class StoredAlikeTests(TestServerFactory factory)
{
    private const string Emoji = "😀";
    private readonly HttpClient city = factory.ClientFor("samr-jiaxing");

    /// <summary>
    /// A fine the column cannot keep as sent is refused saying why: finer than a fen, or past the largest (which was
    /// told only "too large").
    /// </summary>
    [ProviderTheory]
    [InlineData("1.005", "two decimal places")]
    [InlineData("0.001", "two decimal places")]
    [InlineData("123.4567", "two decimal places")]
    [InlineData("999999999999.995", "two decimal places")]
    [InlineData("1000000000000", "at most 999999999999.99")]
    [InlineData("12345678901234.57", "at most 999999999999.99")]
    public async Task A_fine_the_column_cannot_keep_is_refused_saying_why_and_nothing_is_written(
        string fine, string said)
    {
        var number = WriteData.Unique("FINE");
        var reply = await city.PostAsync(Writes.RecordEnforcementDecision,
            Decision(await CodeAsync(0), number, decimal.Parse(fine, CultureInfo.InvariantCulture)));

        Assert.Equal(["INVALID_INPUT input.fineYuan"], reply.FieldErrors());
        Assert.Contains(said, reply.FirstErrorMessage, StringComparison.Ordinal);
        Assert.False(await factory.DbAsync(db => db.EnforcementDecisions.AnyAsync(d => d.DecisionNumber == number)));
    }

    /// <summary>
    /// A number too small for a decimal read as 0: a fine of 1e-30 yuan, sent in a variable or in the document, was
    /// stored as no fine. Refused, saying why, and nothing is written.
    /// </summary>
    [ProviderTheory]
    [InlineData("1e-30", true)]
    [InlineData("-1E-300", true)]
    [InlineData("1e-30", false)]
    [InlineData("0.5e-28", false)]
    public async Task A_fine_too_small_for_a_decimal_is_refused_not_read_as_no_fine(string fine, bool asVariable)
    {
        var number = WriteData.Unique("TINY");
        var code = await CodeAsync(3);
        var key = WriteData.Key();
        var body = asVariable
            ? System.Text.Json.JsonSerializer.Serialize(new
            {
                query = Writes.RecordEnforcementDecision,
                variables = Decision(code, number, key: key),
            }).Replace("\"fineYuan\":100", "\"fineYuan\":" + fine, StringComparison.Ordinal)
            : System.Text.Json.JsonSerializer.Serialize(new
            {
                query = "mutation { recordEnforcementDecision(input: { idempotencyKey: \"" + key + "\", creditCode: \""
                    + code + "\", kind: PENALTY, decisionNumber: \"" + number + "\", decidedOn: \"2026-11-25\", "
                    + "fineYuan: " + fine + ", summary: \"罚款\" }) { decision { fineYuan } } }",
            });
        Assert.Contains(fine, body, StringComparison.Ordinal);

        var reply = await city.SendRawAsync(HttpMethod.Post, "/graphql", body);

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, reply.Status);
        Assert.False(reply.Json.TryGetProperty("data", out _), reply.Body);
        // In a variable, the place and why; in the document, GraphQL.NET's words for a literal no type holds.
        Assert.Contains(asVariable ? $"'variables.input.fineYuan' is {fine}, smaller than a decimal can hold"
            : $"In field 'fineYuan': [Expected type 'Decimal', found {fine}.]", reply.FirstErrorMessage,
            StringComparison.Ordinal);
        Assert.False(await factory.DbAsync(db => db.EnforcementDecisions.AnyAsync(d => d.DecisionNumber == number)));
    }

    /// <summary>Extensions are not read as the schema's numbers: a client's 1e-30 there is no one's concern.</summary>
    [ProviderFact]
    public async Task A_tiny_number_in_the_extensions_is_left_alone()
    {
        var reply = await city.SendRawAsync(HttpMethod.Post, "/graphql",
            """{"query":"{ __typename }","extensions":{"clientTiming":1e-30}}""");
        reply.EnsureData();
    }

    /// <summary>
    /// The tiny number is refused as GraphQL.NET refuses any variable no input can take: 400 under
    /// application/graphql-response+json, 200 without data under legacy application/json (the GraphQL over HTTP
    /// spec's SHOULD for a well-formed request); and only in a variable the operation declares, since the others are
    /// never read.
    /// </summary>
    [ProviderFact]
    public async Task A_tiny_number_is_refused_as_any_uncoercible_variable_and_only_where_it_is_read()
    {
        const string Query = "query ($code: String!) { enterprise(creditCode: $code) { creditCode } }";
        var code = await CodeAsync(4);
        var tiny = """{"query":"QUERY","variables":{"code":"CODE","stray":1e-30}}"""
            .Replace("QUERY", Query, StringComparison.Ordinal).Replace("CODE", code, StringComparison.Ordinal);
        var unused = await city.SendRawAsync(HttpMethod.Post, "/graphql", tiny);
        Assert.Equal(code, unused.EnsureData().Data.GetProperty("enterprise").GetProperty("creditCode").GetString());

        const string Fine = "mutation ($fine: Decimal!) { recordEnforcementDecision(input: { idempotencyKey: "
            + "\\\"k\\\", creditCode: \\\"CODE\\\", kind: PENALTY, decisionNumber: \\\"n\\\", decidedOn: "
            + "\\\"2026-11-25\\\", fineYuan: $fine, summary: \\\"s\\\" }) { replayed } }";
        var fine = """{"query":"QUERY","variables":{"fine":FINE}}"""
            .Replace("QUERY", Fine.Replace("CODE", code, StringComparison.Ordinal), StringComparison.Ordinal);
        foreach (var (accept, status) in new[]
        {
            ("application/json", System.Net.HttpStatusCode.OK),
            ("application/graphql-response+json", System.Net.HttpStatusCode.BadRequest),
        })
        {
            var refused = await city.SendRawAsync(HttpMethod.Post, "/graphql",
                fine.Replace("FINE", "1e-30", StringComparison.Ordinal), accept: accept);
            var mistyped = await city.SendRawAsync(HttpMethod.Post, "/graphql",
                fine.Replace("FINE", "\"5\"", StringComparison.Ordinal), accept: accept);
            Assert.Equal((status, status), (refused.Status, mistyped.Status));
            Assert.Equal("INVALID_VARIABLES", refused.FirstErrorCode);
            Assert.Contains("'variables.fine' is 1e-30", refused.FirstErrorMessage, StringComparison.Ordinal);
            Assert.False(refused.Json.TryGetProperty("data", out _), refused.Body);
        }

        // With no operation selected, validation says so; a String variable says a number is not one (the re-probe:
        // both answered "smaller than a decimal can hold … send 0").
        var unselected = await city.SendRawAsync(HttpMethod.Post, "/graphql",
            """{"query":"query A { __typename } query B { __typename }","variables":{"zz":1e-30}}""");
        Assert.Equal("NO_OPERATION_NAME", unselected.FirstErrorCode);
        var text = await city.SendRawAsync(HttpMethod.Post, "/graphql", tiny.Replace($"\"{code}\"", "1e-30",
            StringComparison.Ordinal));
        Assert.Contains("is not a String", text.FirstErrorMessage, StringComparison.Ordinal);
    }

    [ProviderTheory]
    [InlineData("1234.56", 1234.56)]
    [InlineData("1.500", 1.5)]
    [InlineData("999999999999.99", 999999999999.99)]
    public async Task A_fine_in_fen_is_stored_as_sent(string fine, double stored)
    {
        var reply = await city.PostAsync(Writes.RecordEnforcementDecision,
            Decision(await CodeAsync(1), WriteData.Unique("FEN"), decimal.Parse(fine, CultureInfo.InvariantCulture)));

        var decision = reply.EnsureData().Data.GetProperty("recordEnforcementDecision").GetProperty("decision");
        Assert.Equal(stored, decision.GetProperty("fineYuan").GetDouble());
    }

    [ProviderFact]
    public async Task Four_byte_characters_count_one_each_up_to_the_cap()
    {
        var number = WriteData.Unique("E") is var prefix ? prefix + Repeat(256 - prefix.Length) : "";
        var key = Repeat(128);

        var reply = await city.PostAsync(Writes.RecordEnforcementDecision, Decision(await CodeAsync(2), number,
            key: key));

        var decision = reply.EnsureData().Data.GetProperty("recordEnforcementDecision").GetProperty("decision");
        Assert.Equal(number, decision.GetProperty("decisionNumber").GetString());
        Assert.Equal(number, await factory.DbAsync(db => db.EnforcementDecisions
            .Where(d => d.DecisionNumber == number).Select(d => d.DecisionNumber).SingleAsync()));

        var longNumber = await city.PostAsync(Writes.RecordEnforcementDecision,
            Decision(await CodeAsync(2), Repeat(257)));
        Assert.Equal(["INVALID_INPUT input.decisionNumber"], longNumber.FieldErrors());
        Assert.StartsWith("decisionNumber has 257 characters", longNumber.FirstErrorMessage, StringComparison.Ordinal);
        var longKey = await city.PostAsync(Writes.RecordEnforcementDecision,
            Decision(await CodeAsync(2), WriteData.Unique("E"), key: Repeat(129)));
        Assert.Equal(["INVALID_INPUT input.idempotencyKey"], longKey.FieldErrors());
    }

    public static TheoryData<string> NumberedWrites => [.. NumberedWrite.Names];

    /// <summary>
    /// A document number is the same in whatever case its Latin letters are typed, and only those (README): with a
    /// linguistic collation PostgreSQL's upper() folded Cyrillic too, so "дело-a07" then "ДЕЛО-A07" was DUPLICATE
    /// there, two documents on SQLite, and in the other order two documents on both.
    /// </summary>
    [ProviderTheory]
    [MemberData(nameof(NumberedWrites))]
    public async Task Only_Latin_letter_case_makes_two_numbers_one_on_either_database(string write)
    {
        var latin = WriteData.Unique("a");
        var offset = 100 + (Array.IndexOf(NumberedWrite.Names, write) * 3);
        async Task<GraphQLReply> RecordAsync(int skip, string number)
        {
            var (code, product, county) = await factory.EnterpriseAsync(offset + skip);
            return await city.WriteAsync(write, number, code, product, county);
        }

        (await RecordAsync(0, "дело-" + latin.ToLowerInvariant())).EnsureData();
        (await RecordAsync(1, "ДЕЛО-" + latin.ToLowerInvariant())).EnsureData();
        var latinCase = await RecordAsync(2, "дело-" + latin.ToUpperInvariant());
        Assert.Equal([$"DUPLICATE input.{NumberedWrite.Field(write)}"], latinCase.FieldErrors());
    }

    private static string Repeat(int characters) => string.Concat(Enumerable.Repeat(Emoji, characters));

    private Task<string> CodeAsync(int skip) => factory.DbAsync(db => db.Enterprises.AsNoTracking()
        .Where(e => !e.IsBlacklisted).OrderBy(e => e.Id).Skip(60 + skip).Select(e => e.CreditCode).FirstAsync());

    private static object Decision(string code, string number, decimal fine = 100m, string? key = null) =>
        new { input = new { idempotencyKey = key ?? WriteData.Key(), creditCode = code, kind = "PENALTY",
            decisionNumber = number, decidedOn = "2026-11-25", fineYuan = fine, summary = "罚款" } };
}
