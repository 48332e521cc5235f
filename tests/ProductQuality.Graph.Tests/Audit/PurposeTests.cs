using System.Net;
using System.Text;
using System.Text.Json;
using ProductQuality.Graph.Audit;
using ProductQuality.Graph.Tests.Infrastructure;

namespace ProductQuality.Graph.Tests.Audit;

/// <summary>
/// The declared purpose: recorded as sent, refused when malformed (400 INVALID_PURPOSE), and required — refused
/// without one (403 PURPOSE_REQUIRED) — for a department whose policy says so. The refusals are logged too.
/// </summary>
[Collection(AccessLogServerCollection.Name)]
public sealed class PurposeTests(AccessLogServerFactory factory)
{
    private const string Query = "{ productCategories { code } }";

    [Fact]
    public async Task A_department_that_must_state_a_purpose_is_refused_without_one_and_the_refusal_is_logged()
    {
        var client = factory.ClientFor(AccessLogServerFactory.PurposeRequiredDepartment);
        var before = await factory.DbAsync(db => Task.FromResult(db.AccessLog.Count()));
        var reply = await client.PostAsync(Query, purpose: null);

        Assert.Equal(HttpStatusCode.Forbidden, reply.Status);
        Assert.Equal(PurposeHeader.RequiredCode, reply.FirstErrorCode);
        Assert.Contains(PurposeHeader.Name, reply.FirstErrorMessage, StringComparison.Ordinal);
        Assert.False(reply.Json.TryGetProperty("data", out _));
        var logged = await factory.DbAsync(db => Task.FromResult(db.AccessLog.OrderByDescending(e => e.Seq).First()));
        Assert.Equal(before + 1, logged.Seq);
        Assert.Equal((AccessOutcome.Forbidden, "tax", PurposeHeader.RequiredCode),
            (logged.Outcome, logged.Department, logged.ErrorCode));

        var purpose = AccessLogProbe.NewPurpose("tax-audit");
        (await client.PostAsync(Query, purpose)).EnsureData();
        Assert.Equal(AccessOutcome.Ok, (await factory.EntryAsync(purpose)).Outcome);
    }

    /// <summary>
    /// A query of the schema alone returns no enterprise's data: the browser IDE's introspection, which sends no
    /// purpose, is answered, so a department that must state one still gets its documentation and completion. Any
    /// field of data beside it, directly or through a fragment, still needs the purpose.
    /// </summary>
    [Theory]
    [InlineData("query IntrospectionQuery { __schema { queryType { name } types { ...T } } } "
        + "fragment T on __Type { name fields { name } }", true)]
    [InlineData("{ __typename t: __type(name: \"Query\") { name } }", true)]
    [InlineData("{ ... on Query { __schema { queryType { name } } } }", true)]
    [InlineData("{ __schema { queryType { name } } productCategories { code } }", false)]
    [InlineData("{ __typename ...F } fragment F on Query { productCategories { code } }", false)]
    [InlineData("{ ...F } fragment F on Query { ...F }", false)]
    // A fragment spread twice was taken for a cycle and refused.
    [InlineData("{ ...F ...F } fragment F on Query { __typename }", true)]
    public async Task A_query_of_the_schema_alone_needs_no_purpose(string document, bool answered)
    {
        var reply = await factory.ClientFor(AccessLogServerFactory.PurposeRequiredDepartment)
            .PostAsync(document, purpose: null);
        if (answered)
        {
            reply.EnsureData();
        }
        else
        {
            Assert.Equal(PurposeHeader.RequiredCode, reply.FirstErrorCode);
        }
    }

    /// <summary>
    /// A request that runs no operation returns no data, and is told what is wrong with it: a syntax error, an
    /// operation name the document lacks, or several operations and no name were each told PURPOSE_REQUIRED.
    /// </summary>
    [Theory]
    [InlineData("{ __typename ", null)]
    [InlineData("{ __typename }", "Nope")]
    [InlineData("query A { productCategories { code } } query B { __typename }", null)]
    public async Task A_request_that_runs_no_operation_is_told_its_own_error_not_to_state_a_purpose(string document,
        string? operationName)
    {
        var reply = await factory.ClientFor(AccessLogServerFactory.PurposeRequiredDepartment)
            .PostAsync(document, operationName: operationName, purpose: null);

        Assert.NotEqual(PurposeHeader.RequiredCode, reply.FirstErrorCode);
        Assert.NotNull(reply.FirstErrorCode);
        Assert.False(reply.Json.TryGetProperty("data", out var data) && data.ValueKind != JsonValueKind.Null,
            reply.Body);
    }

    /// <summary>
    /// A refused request is logged under the operation its document names, as an answered one is, when the request
    /// sends no operationName (graphql-ws's and many clients' habit): a missing purpose and a malformed one alike.
    /// </summary>
    /// <summary>A purpose too long has its length and the limit beside the code (the protocol probe).</summary>
    [Fact]
    public async Task A_purpose_too_long_says_its_length_and_the_limit_in_extensions()
    {
        var reply = await factory.ClientFor("finance").PostAsync("{ __typename }", new string('p', 300));
        Assert.Equal(PurposeHeader.InvalidCode, reply.FirstErrorCode);
        var extensions = reply.Json.GetProperty("errors")[0].GetProperty("extensions");
        Assert.Equal(300, extensions.GetProperty("characters").GetInt32());
        Assert.Equal(PurposeHeader.MaxLength, extensions.GetProperty("limit").GetInt32());
    }

    [Fact]
    public async Task A_purpose_refusal_is_logged_under_the_documents_one_operation()
    {
        var required = factory.ClientFor(AccessLogServerFactory.PurposeRequiredDepartment);
        var name = "Categories" + Guid.NewGuid().ToString("N")[..8];
        var document = $"query {name} {{ productCategories {{ code }} }}";
        Assert.Equal(PurposeHeader.RequiredCode, (await required.PostAsync(document, purpose: null)).FirstErrorCode);
        Assert.Equal((name, PurposeHeader.RequiredCode), await LastEntryAsync());

        Assert.Equal(PurposeHeader.InvalidCode,
            (await factory.ClientFor("finance").PostAsync(document, "loan review")).FirstErrorCode);
        Assert.Equal((name, PurposeHeader.InvalidCode), await LastEntryAsync());

        // Two operations and none chosen, or a document that does not parse: no name to give, and no operation runs,
        // so each is refused for what is wrong with it (A_request_that_runs_no_operation_is_told_its_own_error…).
        var two = $"{document} query Other {{ __typename }}";
        await required.PostAsync(two, purpose: null);
        Assert.Equal((null, "NO_OPERATION_NAME"), await LastEntryAsync());
        await required.PostAsync("query Broken {", purpose: null);
        Assert.Equal((null, "SYNTAX_ERROR"), await LastEntryAsync());
    }

    private async Task<(string? Name, string? Code)> LastEntryAsync()
    {
        var entry = await factory.DbAsync(db => Task.FromResult(db.AccessLog.OrderByDescending(e => e.Seq).First()));
        return (entry.OperationName, entry.ErrorCode);
    }

    [Fact]
    public async Task Other_departments_may_leave_the_purpose_out()
    {
        (await factory.ClientFor("finance").PostAsync(Query, purpose: null)).EnsureData();
        (await factory.CreateClient().PostAsync("{ blacklist(first: 1) { totalCount } }", purpose: null)).EnsureData();
    }

    [Theory]
    [InlineData("-loan")]
    [InlineData("loan review")]
    [InlineData("贷款审查")]
    [InlineData("loan;drop")]
    public async Task A_malformed_purpose_is_400_invalid_purpose_for_every_department(string purpose)
    {
        foreach (var department in new[] { "finance", "tax", null })
        {
            var reply = await factory.ClientFor(department).PostAsync(Query, purpose);
            Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
            Assert.Equal(PurposeHeader.InvalidCode, reply.FirstErrorCode);
        }
    }

    [Fact]
    public async Task A_purpose_longer_than_128_characters_or_sent_twice_is_refused()
    {
        var reply = await factory.ClientFor("finance").PostAsync(Query, new string('a', 129));
        Assert.Equal(PurposeHeader.InvalidCode, reply.FirstErrorCode);
        Assert.Contains("128", reply.FirstErrorMessage, StringComparison.Ordinal);
        (await factory.ClientFor("finance").PostAsync(Query, new string('a', 128))).EnsureData();

        var client = factory.ClientFor("finance");
        client.DefaultRequestHeaders.Add(PurposeHeader.Name, ["loan-review", "credit-check"]);
        Assert.Equal(PurposeHeader.InvalidCode, (await client.PostAsync(Query, purpose: null)).FirstErrorCode);
    }

    /// <summary>
    /// Thousands of seeded purposes — valid ones of every length, and every kind of bad character, length and
    /// position — against the rule as written: a valid one is answered and logged exactly as sent, any other is 400
    /// INVALID_PURPOSE; none is ever a 5xx.
    /// </summary>
    [Fact]
    public async Task Fuzzed_purposes_are_answered_or_refused_by_the_rule_and_never_fail_the_server()
    {
        var random = new Random(20_261_203);
        var client = factory.ClientFor("tax");
        var failures = new List<string>();
        for (var i = 0; i < 2_500; i++)
        {
            var purpose = Purpose(random, i);
            var reply = await client.PostAsync(Query, purpose);
            var valid = Valid(purpose);
            var violation = CleanAnswer.Violation(reply)
                ?? (valid && reply.Status != HttpStatusCode.OK ? $"valid purpose refused: {reply.Body}" : null)
                ?? (!valid && (reply.Status != HttpStatusCode.BadRequest
                    || reply.FirstErrorCode != PurposeHeader.InvalidCode) ? $"invalid purpose accepted: {reply.Body}"
                    : null);
            if (violation is not null)
            {
                failures.Add($"{Escape(purpose)}: {violation}");
            }
        }

        Assert.True(failures.Count == 0, string.Join('\n', failures.Take(10)));
    }

    private static bool Valid(string purpose) =>
        purpose.Length is >= 1 and <= 128 && char.IsAsciiLetterOrDigit(purpose[0])
        && purpose.All(c => char.IsAsciiLetterOrDigit(c) || "-_.:/".Contains(c, StringComparison.Ordinal));

    private static string Purpose(Random random, int i)
    {
        const string allowed = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.:/";
        const string others = "!\"#$%&'()*+,;<=>?@[\\]^`{|}~\u00e9\u4e2d\u6587\u0001\u007f\ud83d\ude00";
        var length = (i % 3) switch { 0 => random.Next(1, 20), 1 => random.Next(100, 140), _ => random.Next(1, 64) };
        var text = new StringBuilder();
        for (var k = 0; k < length; k++)
        {
            text.Append(random.Next(12) == 0
                ? others[random.Next(others.Length)]
                : allowed[random.Next(allowed.Length)]);
        }

        return text.ToString();
    }

    private static string Escape(string text) => string.Concat(text.Select(c =>
        c is >= ' ' and < '\u007f' ? c.ToString() : $"\\u{(int)c:x4}"));
}
