using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using ProductQuality.Graph.Access;
using ProductQuality.Graph.Tests.Infrastructure;

namespace ProductQuality.Graph.Tests.Explorer;

/// <summary>
/// A partner follows README.md by copying its examples into curl, Insomnia or a GraphQL client: every ```graphql
/// block must pass validation for the contract it is written for (the regulator's unless an HTML comment above it
/// names another), and every curl of a ```bash block must answer data without errors, as written.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed partial class ReadmeExampleTests(GraphServerFactory factory)
{
    /// <summary>The enterprise of the README's examples, whose own token reads the enterprise-self contract.</summary>
    private const string ExampleEnterprise = "913304831LXE3BD9A5";

    public static TheoryData<int> GraphQLBlocks() => new(Readme.Blocks("graphql").Select(b => b.Line));

    public static TheoryData<int> CurlBlocks() =>
        new(Readme.Blocks("bash").Where(b => CurlBody().IsMatch(b.Text)).Select(b => b.Line));

    [Fact]
    public void The_README_has_examples_to_check()
    {
        Assert.True(GraphQLBlocks().Count >= 10);
        Assert.True(CurlBlocks().Count >= 2);
    }

    [Theory]
    [MemberData(nameof(GraphQLBlocks))]
    public async Task A_graphql_example_is_valid_for_its_contract(int line)
    {
        var block = Readme.Blocks("graphql").Single(b => b.Line == line);
        using var client = ClientOf(block.Contract ?? "regulator");

        // Sent without variables: a document that takes them stops at their coercion, after validation, so no
        // write runs; one that takes none runs as a partner would run it, and must answer without errors.
        var reply = await client.PostAsync(block.Text);

        var errors = reply.Json.TryGetProperty("errors", out var list) ? list.EnumerateArray().ToList() : [];
        var others = errors.Where(e => !IsMissingVariable(e)).Select(e => e.GetRawText()).ToList();
        Assert.True(others.Count == 0, $"{block}: {string.Join("; ", others)}");
        Assert.True(errors.Count > 0 || reply.Status == HttpStatusCode.OK, $"{block}: {reply.Body}");
        Assert.False(block.Text.TrimStart().StartsWith("mutation", StringComparison.Ordinal) && errors.Count == 0,
            $"{block}: a mutation ran; give it its input as a required variable, so checking it writes nothing");
    }

    [Theory]
    [MemberData(nameof(CurlBlocks))]
    public async Task A_curl_example_answers_data_for_the_department_it_mints_a_token_for(int line)
    {
        var block = Readme.Blocks("bash").Single(b => b.Line == line);
        var department = Department().Match(block.Text);
        using var client = factory.ClientFor(department.Success ? department.Groups[1].Value : null);

        // The body exactly as the shell passes it inside single quotes; curl's own Accept is */*.
        var body = CurlBody().Match(block.Text).Groups[1].Value;
        var reply = await client.SendRawAsync(HttpMethod.Post, "/graphql", body, "application/json", "*/*");

        Assert.True(reply.Status == HttpStatusCode.OK && !reply.HasErrors, $"{block}: {reply.Body}");
    }

    private static bool IsMissingVariable(JsonElement error) =>
        error.TryGetProperty("extensions", out var extensions)
        && extensions.GetProperty("code").GetString() == "INVALID_VALUE"
        && error.GetProperty("message").GetString()!.Contains("It is missing", StringComparison.Ordinal);

    private HttpClient ClientOf(string contract)
    {
        if (contract == AccessPolicy.EnterpriseContract)
        {
            return factory.ClientForEnterprise(ExampleEnterprise);
        }

        // A city-wide department of the contract, so examples about any county answer rows.
        var policy = factory.Services.GetRequiredService<AccessPolicy>();
        var department = policy.Public.Contract.Name == contract ? null
            : policy.Departments.Order(StringComparer.Ordinal)
                .Select(d => (Id: d, Audience: policy.ForDepartment(d)!))
                .Where(d => d.Audience.Contract.Name == contract)
                .OrderBy(d => d.Audience.Rows.County is null ? 0 : 1)
                .First().Id;
        return factory.ClientFor(department);
    }

    [GeneratedRegex(@"curl [^\n]*/graphql[\s\S]*?-d '([^']*)'")]
    private static partial Regex CurlBody();

    [GeneratedRegex(@"token --department ([\w-]+)")]
    private static partial Regex Department();
}
