using System.Collections;
using System.Globalization;
using System.Text;
using System.Text.Json;
using GraphQL;
using GraphQL.Execution;
using GraphQL.Validation;
using GraphQLParser.AST;
using Microsoft.Extensions.DependencyInjection;
using ProductQuality.Graph.Infrastructure.Http;
using ProductQuality.Graph.Schema;
using ProductQuality.Graph.Tests.Fuzz;
using ProductQuality.Graph.Tests.Infrastructure;
using Xunit.Abstractions;

namespace ProductQuality.Graph.Tests.Transport;

/// <summary>
/// A cached document skips GraphQL.NET's walks of it (<see cref="ValidatedDocumentValidator"/>) but must get what the
/// library's full validator gives it: the same variables, the same argument and directive values, the same errors.
/// Checked as a property over thousands of operations generated from every contract's schema, each validated first
/// (as the endpoint caches only a document that passed), then given several sets of random variable values, right
/// and wrong, through one validator instance, so its plans and pooled contexts are reused as under load.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class ValidatedDocumentValidatorTests(GraphServerFactory factory, ITestOutputHelper output)
{
    private const int OperationsPerContract = 400;
    private const int VariableSetsPerOperation = 4;

    [Fact]
    public async Task A_validated_document_gets_what_the_full_validator_gives_it()
    {
        var registry = factory.Services.GetRequiredService<SchemaRegistry>();
        var serializer = factory.Services.GetRequiredService<IGraphQLTextSerializer>();
        var shortcut = new ValidatedDocumentValidator();
        var random = new Random(20261204);
        int valid = 0, compared = 0, failed = 0, withArguments = 0, withDirectives = 0, withFragments = 0;
        foreach (var (contract, schema, generator, text, variables, document, operation) in
            GeneratedOperation.OfEveryContract(registry, random, OperationsPerContract))
        {
            var checkedOnce = await new DocumentValidator().ValidateAsync(
                Options(schema, document, operation, Inputs.Empty, DocumentValidator.CoreRules));
            if (checkedOnce.Errors.Any(e => e is not InvalidVariableError))
            {
                continue; // a document that fails the rules is never cached, so never takes the short way
            }

            valid++;
            withFragments += text.Contains("fragment ", StringComparison.Ordinal) ? 1 : 0;
            for (var j = 0; j < VariableSetsPerOperation; j++)
            {
                var json = generator.VariablesJson(variables);
                var inputs = serializer.Deserialize<Inputs>(json) ?? Inputs.Empty;
                var expected = await new DocumentValidator().ValidateAsync(
                    Options(schema, document, operation, inputs, []));
                var actual = await shortcut.ValidateAsync(Options(schema, document, operation, inputs, []));
                Assert.True(Describe(expected) == Describe(actual),
                    $"{contract}:\n{text}\nvariables {json}\n"
                    + $"expected {Describe(expected)}\nactual {Describe(actual)}");
                compared++;
                failed += expected.IsValid ? 0 : 1;
                withArguments += expected.ArgumentValues is { Count: > 0 } ? 1 : 0;
                withDirectives += expected.DirectiveValues is { Count: > 0 } ? 1 : 0;
            }
        }

        output.WriteLine($"{valid} valid operations, {compared} comparisons: {failed} with errors, "
            + $"{withArguments} with arguments, {withDirectives} with directives; "
            + $"{withFragments} operations with named fragments");
        // The property is only as good as what it covered: every path of the short way, many times.
        Assert.True(valid > 1000, $"only {valid} generated operations were valid");
        Assert.True(failed > 300 && compared - failed > 1000, $"{failed} of {compared} failed");
        Assert.True(withArguments > 1000 && withDirectives > 200 && withFragments > 200,
            $"{withArguments} with arguments, {withDirectives} with directives, {withFragments} with fragments");
    }

    public static TheoryData<string, string> BadVariables => new()
    {
        { "a number for a string", """{"code": 12}""" },
        { "a non-null variable left out", """{"f": {"countyCode": "330402"}}""" },
        { "null for a non-null variable", """{"code": null}""" },
        { "an unknown enum value", """{"code": "91330402MA2B8T6P05", "o": "SIDEWAYS"}""" },
        { "an unknown input field", """{"code": "91330402MA2B8T6P05", "f": {"nope": 1}}""" },
        { "a number for an input field", """{"code": "91330402MA2B8T6P05", "f": {"countyCode": 5}}""" },
    };

    [Theory]
    [MemberData(nameof(BadVariables))]
    public async Task Over_HTTP_a_cached_document_answers_bad_variables_as_a_new_one_does(string what, string json)
    {
        // The same operation twice: once as a cached document (its first request had good variables), once spelt
        // with a trailing space, so new to the cache and validated in full.
        const string query = """
            query($code: String!, $f: EnterpriseFilter, $o: EnterpriseOrder) {
              enterprise(creditCode: $code) { name } enterprises(first: 1, filter: $f, orderBy: $o) { totalCount } }
            """;
        var client = factory.ClientFor("samr-jiaxing");
        (await client.PostAsync(query, new { code = "91330402MA2B8T6P05", o = "NAME_ASC" })).EnsureData();
        var variables = JsonSerializer.Deserialize<JsonElement>(json);

        var cached = await client.PostAsync(query, variables);
        var fresh = await client.PostAsync(query + " ", variables);

        Assert.True(cached.Status == fresh.Status, $"{what}: {(int)cached.Status} against {(int)fresh.Status}");
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, cached.Status);
        Assert.Equal(Errors(fresh), Errors(cached));
    }

    // Each error's code, message and locations; not its request id, which differs by request.
    private static string Errors(GraphQLReply reply) => string.Join("\n", reply.Json.GetProperty("errors")
        .EnumerateArray().Select(e => $"{e.GetProperty("extensions").GetProperty("code").GetString()} "
            + $"{e.GetProperty("message").GetString()} "
            + (e.TryGetProperty("locations", out var at) ? at.GetRawText() : "")));

    private static ValidationOptions Options(GraphQL.Types.ISchema schema, GraphQLDocument document,
        GraphQLOperationDefinition operation, Inputs variables, IEnumerable<IValidationRule> rules) => new()
    {
        Schema = schema,
        Document = document,
        Operation = operation,
        Variables = variables,
        Extensions = Inputs.Empty,
        Rules = rules,
        UserContext = new Dictionary<string, object?>(),
        Metrics = GraphQL.Instrumentation.Metrics.None,
    };

    // Everything execution reads from a validation result, in document order, as text.
    private static string Describe(IValidationResult result)
    {
        var text = new StringBuilder($"valid={result.IsValid}");
        foreach (var error in result.Errors)
        {
            text.Append($"\nerror {error.Code}: {error.Message}");
        }

        foreach (var variable in result.Variables ?? Variables.None)
        {
            text.Append($"\n${variable.Name}={Canonical(variable.Value)} default={variable.IsDefault}");
        }

        foreach (var (field, values) in (result.ArgumentValues ?? new Dictionary<GraphQLField,
                     IDictionary<string, ArgumentValue>>()).OrderBy(a => a.Key.Location.Start))
        {
            text.Append($"\n{field.Name.StringValue}@{field.Location.Start}(");
            foreach (var (name, value) in values)
            {
                text.Append($"{name}={Canonical(value.Value)}/{value.Source} ");
            }

            text.Append(')');
        }

        foreach (var (node, directives) in (result.DirectiveValues ?? new Dictionary<ASTNode,
                     IDictionary<string, DirectiveInfo>>()).OrderBy(d => d.Key.Location.Start))
        {
            foreach (var (name, directive) in directives)
            {
                var arguments = directive.Arguments.Select(a => $"{a.Key}={Canonical(a.Value.Value)}/{a.Value.Source}");
                text.Append($"\n{node.Kind}@{node.Location.Start} @{name}({string.Join(" ", arguments)})");
            }
        }

        return text.ToString();
    }

    private static string Canonical(object? value) => value switch
    {
        null => "null",
        string text => JsonSerializer.Serialize(text),
        bool or int or long or double or decimal => Convert.ToString(value, CultureInfo.InvariantCulture)!,
        IDictionary<string, object?> members =>
            "{" + string.Join(",", members.Select(m => $"{m.Key}:{Canonical(m.Value)}")) + "}",
        IEnumerable items => "[" + string.Join(",", items.Cast<object?>().Select(Canonical)) + "]",
        _ => value.GetType().Name + JsonSerializer.Serialize(value, value.GetType()),
    };
}
