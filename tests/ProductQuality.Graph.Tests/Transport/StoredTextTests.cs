using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ProductQuality.Graph.Tests.Infrastructure;

namespace ProductQuality.Graph.Tests.Transport;

/// <summary>
/// Text no column can hold — NUL, which PostgreSQL's text refuses, and lone UTF-16 surrogates, which Npgsql cannot
/// encode — is refused where it comes in, with a code, on both providers: in a string literal, in a variable (of a
/// read or of a write, which then writes nothing), and in the operation name and subject the access log keeps,
/// where one such entry failed its whole batch with 503 on PostgreSQL.
/// </summary>
public abstract class StoredTextTests(TestServerFactory factory)
{
    // As JSON escapes, put into bodies by hand: xUnit's theory data does not carry a NUL or a lone surrogate through
    // intact, and System.Text.Json writes a lone surrogate as U+FFFD.
    private static readonly string[] BadTexts = [@"P0\u00001", @"\u0000", @"P0\ud8001", @"\udc00"];
    private const string Placeholder = "TEXT-PLACEHOLDER";

    [ProviderTheory]
    [InlineData("{ product(code: \"P0\\u00001\") { code } }")]
    [InlineData("{ product(code: \"P0\\ud800\") { code } }")]
    [InlineData("{ enterprises(first: 1, filter: { nameContains: \"\\u0000\" }) { totalCount } }")]
    [InlineData("query($c: String = \"\\u0000\") { product(code: $c) { code } }")]
    public async Task A_string_literal_no_column_can_hold_is_invalid_input(string query)
    {
        var reply = await factory.ClientFor("samr-jiaxing").PostAsync(query);
        CleanAnswer.Assert(reply, query);
        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.Equal("INVALID_INPUT", reply.FirstErrorCode);
    }

    [ProviderTheory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task A_variable_no_column_can_hold_is_invalid_variables_for_reads_and_writes(int which)
    {
        var client = factory.ClientFor("samr-jiaxing");
        var read = await PostAsync(client, "query($f: EnterpriseFilter) { enterprises(first: 1, filter: $f) { "
            + "totalCount } }", new { f = new { nameContains = Placeholder } }, BadTexts[which]);
        AssertRefusedForTheText(read, "read");

        // Otherwise a valid sampling (the README's): refused for the text alone, and nothing is written.
        var before = await factory.DbAsync(db => db.Inspections.CountAsync());
        var write = await PostAsync(client,
            "mutation($i: RecordSamplingInput!) { recordSampling(input: $i) { replayed } }",
            new { i = SamplingInput(Placeholder) }, BadTexts[which]);
        AssertRefusedForTheText(write, "write");
        Assert.Equal(before, await factory.DbAsync(db => db.Inspections.CountAsync()));
    }

    [ProviderTheory]
    [InlineData(1)]
    [InlineData(3)]
    public async Task An_operation_name_no_column_can_hold_is_refused_and_logged_and_others_are_answered(int which)
    {
        var anonymous = factory.ClientFor(null);
        var others = Enumerable.Range(0, 8).Select(_ => anonymous.PostAsync("{ __typename }")).ToList();
        var body = JsonSerializer.Serialize(new { query = "query A { __typename }", operationName = "A" + Placeholder })
            .Replace(Placeholder, BadTexts[which], StringComparison.Ordinal);
        var refused = await anonymous.SendRawAsync(HttpMethod.Post, "/graphql", body);

        CleanAnswer.Assert(refused, body);
        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        foreach (var other in await Task.WhenAll(others))
        {
            other.EnsureData();
        }
    }

    [ProviderFact]
    public async Task An_operation_name_the_log_cuts_through_an_emoji_is_refused_as_unknown_not_503()
    {
        var name = new string('O', 255) + "😀";
        var body = JsonSerializer.Serialize(new { query = "{ __typename }", operationName = name });
        var reply = await factory.ClientFor(null).SendRawAsync(HttpMethod.Post, "/graphql", body);
        CleanAnswer.Assert(reply, "emoji at 256");
        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
    }

    private static Task<GraphQLReply> PostAsync(HttpClient client, string query, object variables, string escape) =>
        client.SendRawAsync(HttpMethod.Post, "/graphql", JsonSerializer.Serialize(new { query, variables })
            .Replace(Placeholder, escape, StringComparison.Ordinal));

    private static void AssertRefusedForTheText(GraphQLReply reply, string what)
    {
        CleanAnswer.Assert(reply, what);
        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.Equal("INVALID_VARIABLES", reply.FirstErrorCode);
        Assert.Matches("NUL|surrogate", reply.FirstErrorMessage);
    }

    private static object SamplingInput(string text) => new
    {
        idempotencyKey = Guid.NewGuid().ToString(),
        creditCode = "913304831LXE3BD9A5",
        productCode = "P207",
        batch = text,
        specModel = "羊毛衫 XL",
        level = "CITY",
        lab = "浙江省嘉兴市质量检验所",
        reportNumber = "JX-TEXT-" + Guid.NewGuid().ToString("N")[..8],
        sampledOn = "2026-11-20",
        passed = false,
        failedItems = new[] { new { name = "甲醛含量", safetyItem = true } },
        rectificationOrderedOn = "2026-11-25",
    };
}

[Collection(ServerCollection.Name)]
public sealed class StoredTextOnSqliteTests(GraphServerFactory factory) : StoredTextTests(factory);

/// <summary>The same on PostgreSQL, which refuses what SQLite stores (skipped locally without PQG_TEST_POSTGRES;
/// always run in CI).</summary>
[OnPostgres]
[Collection(ServerCollection.Name)]
public sealed class StoredTextOnPostgresTests(PostgresServerFactory factory) : StoredTextTests(factory);
