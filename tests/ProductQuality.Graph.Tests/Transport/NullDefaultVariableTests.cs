using System.Net;
using System.Text.Json;
using ProductQuality.Graph.Tests.Infrastructure;

namespace ProductQuality.Graph.Tests.Transport;

/// <summary>
/// A nullable variable whose default is null may not fill a non-null position (GraphQL §5.8.5): GraphQL.NET let it
/// through, and the operation failed inside the executor (INTERNAL_ERROR) or ran as null — a receipt for no codes, a
/// map of no level (the fuzz probe). Checked over every non-null argument of every root field of the regulator's
/// contract, and the directives.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class NullDefaultVariableTests(GraphServerFactory factory)
{
    private const string TypeRef = "kind name ofType { kind name ofType { kind name ofType { kind name } } }";

    [Theory]
    [InlineData("query Q($v: Boolean = null) { __typename @include(if: $v) }")]
    [InlineData("query Q($v: Boolean = null) { __typename @skip(if: $v) }")]
    public async Task A_null_default_is_refused_in_a_directive(string document)
    {
        var reply = await factory.ClientFor("finance").PostAsync(document);
        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.Equal("VARIABLES_IN_ALLOWED_POSITION", reply.FirstErrorCode);
    }

    [Fact]
    public async Task A_null_default_is_refused_in_every_non_null_argument_of_the_root_fields()
    {
        var client = factory.ClientFor("samr-jiaxing");
        var schema = (await client.PostAsync($$"""
            { __schema {
                queryType { fields { name args { name type { {{TypeRef}} } } type { {{TypeRef}} } } }
                mutationType { fields { name args { name type { {{TypeRef}} } } type { {{TypeRef}} } } } } }
            """)).EnsureData().Data.GetProperty("__schema");
        var checkedArguments = 0;
        foreach (var (operation, root) in new[] { ("query", "queryType"), ("mutation", "mutationType") })
        {
            foreach (var field in schema.GetProperty(root).GetProperty("fields").EnumerateArray())
            {
                foreach (var argument in field.GetProperty("args").EnumerateArray()
                    .Where(a => a.GetProperty("type").GetProperty("kind").GetString() == "NON_NULL"))
                {
                    var type = Print(argument.GetProperty("type").GetProperty("ofType"));
                    var selection = IsLeaf(field.GetProperty("type")) ? "" : " { __typename }";
                    var document = $"{operation} Q($v: {type} = null) {{ {field.GetProperty("name").GetString()}"
                        + $"({argument.GetProperty("name").GetString()}: $v){selection} }}";

                    var reply = await client.PostAsync(document);

                    Assert.True(reply.Status == HttpStatusCode.BadRequest, $"{document}: {reply.Body}");
                    var codes = reply.Json.GetProperty("errors").EnumerateArray()
                        .Select(e => e.GetProperty("extensions").GetProperty("code").GetString()).ToList();
                    Assert.True(codes.Contains("VARIABLES_IN_ALLOWED_POSITION"), $"{document}: {reply.Body}");
                    checkedArguments++;
                }
            }
        }

        Assert.True(checkedArguments > 20, $"only {checkedArguments} non-null arguments found");
    }

    // The type a variable is declared with, as GraphQL writes it: [String!], Date, RecordSamplingInput.
    private static string Print(JsonElement type) => type.GetProperty("kind").GetString() switch
    {
        "NON_NULL" => Print(type.GetProperty("ofType")) + "!",
        "LIST" => "[" + Print(type.GetProperty("ofType")) + "]",
        _ => type.GetProperty("name").GetString()!,
    };

    private static bool IsLeaf(JsonElement type) => type.GetProperty("kind").GetString() switch
    {
        "NON_NULL" or "LIST" => IsLeaf(type.GetProperty("ofType")),
        var kind => kind is "SCALAR" or "ENUM",
    };
}
