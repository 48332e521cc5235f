using System.Net;
using ProductQuality.Graph.Tests.Infrastructure;

namespace ProductQuality.Graph.Tests.Limits;

/// <summary>
/// Issue 9 §2 through HTTP on the shared server with the shipped limits: the shapes that tied up the server are
/// refused before validation with a clear 400 and a code naming the limit, and ordinary queries still answer.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class DocumentLimitTests(GraphServerFactory factory)
{
    public static TheoryData<int, bool> SameFieldShapes => new()
    {
        { 201, true }, { 300, true }, { 860, true }, { 11, false }, { 301, false }, { 900, false },
    };

    [Theory]
    [MemberData(nameof(SameFieldShapes))]
    public async Task Copies_of_one_field_are_refused_before_validation_for_the_public(int copies, bool aliased)
    {
        var reply = await factory.ClientFor(null).PostAsync(QueryShapes.SameFieldCopies(copies, aliased));

        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.Equal(aliased ? "TOO_MANY_ALIASES" : "TOO_MANY_REPEATS", reply.FirstErrorCode);
        var extensions = reply.Json.GetProperty("errors")[0].GetProperty("extensions");
        Assert.Equal(copies, extensions.GetProperty(aliased ? "aliases" : "repeats").GetInt64());
        Assert.True(extensions.GetProperty("limit").GetInt64() > 0);
        Assert.Single(reply.Json.GetProperty("errors").EnumerateArray());
    }

    private const string WholeSchema =
        "__schema { types { name description fields { name description args { name description } } } }";

    /// <summary>
    /// Introspection reads the schema, not rows, and the estimate counts its lists as one: 200 aliases of the whole
    /// schema with descriptions were estimated 800 and answered 16 MB (4.5 MB as the public, budget 5,000).
    /// </summary>
    [Theory]
    [InlineData(null, 200)]
    [InlineData("samr-jiaxing", 200)]
    [InlineData("samr-jiaxing", 6)]
    public async Task Many_introspections_in_one_document_are_refused_before_validation(string? department, int n)
    {
        var reply = await factory.ClientFor(department).PostAsync(
            "{ " + string.Join(" ", Enumerable.Range(0, n).Select(i => $"s{i}: {WholeSchema}")) + " }");

        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.Equal("TOO_MANY_INTROSPECTIONS", reply.FirstErrorCode);
        var extensions = reply.Json.GetProperty("errors")[0].GetProperty("extensions");
        Assert.Equal(n, extensions.GetProperty("introspections").GetInt64());
        Assert.Equal(5, extensions.GetProperty("limit").GetInt64());
    }

    /// <summary>
    /// One <c>__schema</c> holds any number of aliased lists: 199 aliases of every type with its fields, arguments,
    /// field types and enum values answered 19.6 MB for an estimate of 996 (the probe). Introspection lists are
    /// priced by the caller's schema's own sizes, so the same walk costs what it returns, as the public too.
    /// </summary>
    [Theory]
    [InlineData("samr-jiaxing", 199)]
    [InlineData(null, 60)]
    public async Task Aliased_lists_inside_one_introspection_are_priced_by_the_schema(string? department, int n)
    {
        const string Types = "types { description fields { description args { description } type { description } } "
            + "enumValues { description } }";
        var client = factory.ClientFor(department);
        (await client.PostAsync("{ __schema { " + Types + " } }")).EnsureData();

        var reply = await client.PostAsync(
            "{ __schema { " + string.Join(" ", Enumerable.Range(0, n).Select(i => $"a{i}: {Types}")) + " } }");
        Assert.Equal("QUERY_TOO_COMPLEX", reply.FirstErrorCode);
    }

    [Fact]
    public async Task Introspections_spread_through_fragments_count_at_every_spread_and_five_still_answer()
    {
        var client = factory.ClientFor(null);
        (await client.PostAsync("{ a: __schema { queryType { name } } ...T ...U } "
            + "fragment T on Query { b: __type(name: \"Query\") { name } c: __type(name: \"Region\") { name } } "
            + "fragment U on Query { ...T }")).EnsureData();

        var reply = await client.PostAsync("{ a: __schema { queryType { name } } ...T ...U ...U } "
            + "fragment T on Query { b: __type(name: \"Query\") { name } c: __type(name: \"Region\") { name } } "
            + "fragment U on Query { ...T }");
        Assert.Equal("TOO_MANY_INTROSPECTIONS", reply.FirstErrorCode);
        Assert.Equal(7, reply.Json.GetProperty("errors")[0].GetProperty("extensions").GetProperty("introspections")
            .GetInt64());
    }

    public static TheoryData<string, string> RepeatedShapes => new()
    {
        { QueryShapes.SameFieldCopies(21, false), "blacklist" },
        { QueryShapes.SameFieldCopies(299, false), "blacklist" },
        { "{" + string.Concat(Enumerable.Repeat("city{" + string.Concat(Enumerable.Repeat("code ", 6)) + "}", 4)) + "}",
            "code" },
        { "{ ...A ...B ...C } " + string.Concat("ABC".Select(f => $"fragment {f} on Query {{ "
            + string.Concat(Enumerable.Range(1, 7).Select(i => $"region(code: \"{f}{i}\") {{ code }} ")) + "}")),
            "region" },
    };

    [Theory]
    [MemberData(nameof(RepeatedShapes))]
    public async Task A_name_repeated_in_one_merged_selection_is_refused_before_validation(string query, string name)
    {
        var reply = await factory.ClientFor("samr-jiaxing").PostAsync(query);

        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.Equal("TOO_MANY_REPEATS", reply.FirstErrorCode);
        Assert.Contains($"'{name}'", reply.FirstErrorMessage, StringComparison.Ordinal);
        Assert.Equal(10, reply.Json.GetProperty("errors")[0].GetProperty("extensions").GetProperty("limit").GetInt32());
    }

    [Fact]
    public async Task Ten_copies_of_a_name_still_reach_validation_and_their_errors_are_capped()
    {
        var reply = await factory.ClientFor(null).PostAsync(QueryShapes.SameFieldCopies(10, false));

        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.Equal(26, reply.Json.GetProperty("errors").GetArrayLength());
    }

    [Theory]
    [InlineData("application/json", HttpStatusCode.OK)]
    [InlineData("*/*", HttpStatusCode.OK)]
    [InlineData(GraphQLHttp.ResponseMediaType, HttpStatusCode.BadRequest)]
    public async Task A_refused_document_answers_like_a_failed_validation_under_each_media_type(
        string accept, HttpStatusCode status)
    {
        var reply = await factory.ClientFor("finance").PostAsync(QueryShapes.AliasedPages(800, 500), accept: accept);

        Assert.Equal(status, reply.Status);
        Assert.Equal("TOO_MANY_ALIASES", reply.FirstErrorCode);
    }

    [Theory]
    [InlineData(800, 500)]
    [InlineData(201, 1)]
    public async Task Many_aliased_pages_are_refused_by_the_alias_limit(int aliases, int page)
    {
        var reply = await factory.ClientFor("finance").PostAsync(QueryShapes.AliasedPages(aliases, page));

        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.Equal("TOO_MANY_ALIASES", reply.FirstErrorCode);
    }

    [Theory]
    [InlineData(2_001)]
    [InlineData(2_900)]
    public async Task More_fields_than_the_limit_are_refused_before_validation(int fields)
    {
        var query = "{" + string.Concat(Enumerable.Repeat("__typename ", fields)) + "}";

        var reply = await factory.ClientFor(null).PostAsync(query);

        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.Equal("TOO_MANY_FIELDS", reply.FirstErrorCode);
        var extensions = reply.Json.GetProperty("errors")[0].GetProperty("extensions");
        Assert.Equal(fields, extensions.GetProperty("fields").GetInt32());
    }

    [Theory]
    [InlineData(6)]
    [InlineData(20)]
    [InlineData(40)]
    public async Task Fragments_spread_over_and_over_are_counted_at_every_spread(int levels)
    {
        var reply = await factory.ClientFor("samr-jiaxing").PostAsync(QueryShapes.FragmentFanOut(levels));

        Assert.Equal(levels < 10 ? HttpStatusCode.OK : HttpStatusCode.BadRequest, reply.Status);
        if (levels >= 10)
        {
            Assert.Equal("TOO_MANY_FIELDS", reply.FirstErrorCode);
        }
    }

    [Fact]
    public async Task A_fragment_cycle_fails_validation_instead_of_looping()
    {
        var reply = await factory.ClientFor("samr-jiaxing").PostAsync(
            "{ ...A } fragment A on Query { city { code } ...B } fragment B on Query { ...A }");

        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.True(reply.HasErrors);
    }

    [Theory]
    [InlineData(11)]
    [InlineData(200)]
    public async Task Too_many_operations_in_one_document_are_refused(int operations)
    {
        var document = string.Join(" ", Enumerable.Range(1, operations).Select(i => $"query Q{i} {{ __typename }}"));

        var reply = await factory.ClientFor("tax").PostAsync(document, operationName: "Q1");

        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.Equal("TOO_MANY_OPERATIONS", reply.FirstErrorCode);
    }

    [Fact]
    public async Task Validation_errors_are_capped_with_a_last_error_counting_the_rest()
    {
        var document = "{ " + string.Join(" ", Enumerable.Range(1, 200).Select(i => $"noSuchField{i}")) + " }";

        var reply = await factory.ClientFor("samr-jiaxing").PostAsync(document);

        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        var errors = reply.Json.GetProperty("errors");
        Assert.Equal(26, errors.GetArrayLength());
        Assert.Equal("TOO_MANY_ERRORS", errors[25].GetProperty("extensions").GetProperty("code").GetString());
        Assert.StartsWith("175 more errors", errors[25].GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_operation_of_a_document_is_validated_even_after_another_one_was_cached()
    {
        var document = "query Cheap { __typename } query Deep { " + QueryShapes.DeepParents(20) + " }";
        var client = factory.ClientFor("samr-jiaxing");

        (await client.PostAsync(document, operationName: "Cheap")).EnsureData();
        (await client.PostAsync(document, operationName: "Cheap")).EnsureData();
        var deep = await client.PostAsync(document, operationName: "Deep");

        Assert.Equal(HttpStatusCode.BadRequest, deep.Status);
        Assert.Contains("nested", deep.FirstErrorMessage, StringComparison.Ordinal);
    }
}
