using System.Text.Encodings.Web;
using GraphQL;
using GraphQL.Execution;
using GraphQL.SystemTextJson;
using GraphQL.Types;
using GraphQL.Validation;
using GraphQLParser.AST;
using ProductQuality.Graph.Infrastructure.Http;
using ProductQuality.Graph.Schema;

namespace ProductQuality.Graph.Tests.Schema;

/// <summary>
/// The read strategy resolves scalars read from their source in one synchronous step, and the server writes results
/// with its own converter; both must answer byte for byte what GraphQL.NET's serial strategy and converter answer,
/// values and errors alike: a field that throws, null where the type forbids it (which nulls the parent), a value
/// the enum cannot name, a list of scalars, and every scalar type the contracts use. Objects carry such scalars inline
/// (<see cref="InlineScalarObjectNode"/>) next to their child nodes: nested, in lists, with __typename, aliases and
/// fragments, and with a null in a non-null field that nulls the object, its parent or the list's item.
/// </summary>
public sealed class ScalarFastPathTests
{
    public static TheoryData<string> Queries => new()
    {
        "{ row { text number flag share day colour missing } }",
        "{ rows { text number flag share day colour missing } }",
        "{ row { text throws } }",
        "{ row { text requiredButNull } }",
        "{ rows { number requiredButNull } }",
        "{ row { unnamedColour } }",
        "{ row { tags } rows { tags } }",
        "{ row { alias: text text } }",
        "{ rows { text child { number text colour day share flag } } }",
        "{ rows { number requiredChild { text requiredButNull } } }",
        "{ rows { number child { text requiredButNull } flag } }",
        "{ row { __typename text child { __typename day throws missing } } }",
        "{ rows { children { text number throws } tags } }",
        "{ rows { child { a: text b: text c: number } } }",
        "{ rows { ... on Row { text } child { text unnamedColour } } }",
        "{ row { child { child { child { text } } } requiredChild { colour } } }",
    };

    [Theory]
    [MemberData(nameof(Queries))]
    public async Task The_fast_path_and_the_writer_answer_what_the_library_answers(string query)
    {
        var library = await RunAsync(query, SerialExecutionStrategy.Instance, LibrarySerializer());
        var ours = await RunAsync(query, new ReadExecutionStrategy(), ServerSerializer());

        Assert.Equal(library, ours);
    }

    [Fact]
    public async Task Errors_keep_their_paths_on_the_fast_path()
    {
        var json = await RunAsync("{ rows { number throws } }", new ReadExecutionStrategy(), ServerSerializer());

        Assert.Contains("\"path\":[\"rows\",1,\"throws\"]", json, StringComparison.Ordinal);
        Assert.Contains("\"throws\":null", json, StringComparison.Ordinal);
    }

    private static async Task<string> RunAsync(string query, IExecutionStrategy strategy, GraphQLSerializer serializer)
    {
        var executer = new DocumentExecuter(new GraphQLDocumentBuilder(), new DocumentValidator(),
            new DefaultExecutionStrategySelector([new ExecutionStrategyRegistration(strategy, OperationType.Query)]),
            []);
        var result = await executer.ExecuteAsync(new ExecutionOptions { Schema = TestSchema.Instance, Query = query });
        return serializer.Serialize(result);
    }

    private static GraphQLSerializer LibrarySerializer() =>
        new(json => json.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping);

    private static GraphQLSerializer ServerSerializer() => new(json =>
    {
        json.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
        json.Converters.Add(new ExecutionResultWriter());
    });

    private enum Colour
    {
        Green,
        Red,
    }

    private sealed record Row(int Number, string Text, bool Flag, double Share, DateOnly Day, Colour Colour,
        string? Missing, IReadOnlyList<string> Tags);

    private sealed class RowType : ObjectGraphType<Row>
    {
        public RowType()
        {
            Name = "Row";
            Field<NonNullGraphType<StringGraphType>>("text").ResolveSource(r => r.Text);
            Field<NonNullGraphType<IntGraphType>>("number").ResolveSource(r => r.Number);
            Field<NonNullGraphType<BooleanGraphType>>("flag").ResolveSource(r => r.Flag);
            Field<NonNullGraphType<FloatGraphType>>("share").ResolveSource(r => r.Share);
            Field<NonNullGraphType<DateOnlyGraphType>>("day").ResolveSource(r => r.Day);
            Field<NonNullGraphType<EnumerationGraphType<Colour>>>("colour").ResolveSource(r => r.Colour);
            Field<EnumerationGraphType<Colour>>("unnamedColour").ResolveSource(_ => (Colour)7);
            Field<StringGraphType>("missing").ResolveSource(r => r.Missing);
            Field<NonNullGraphType<StringGraphType>>("requiredButNull").ResolveSource(r => r.Missing);
            Field<StringGraphType>("throws").ResolveSource<Row, object, string>(r =>
                r.Number == 2 ? throw new ExecutionError("no text for row 2") : "fine");
            Field<ListGraphType<StringGraphType>>("tags").ResolveSource(r => r.Tags);
            Field<RowType>("child").ResolveSource(r => r.Number == 2 ? null : TestSchema.Next(r));
            Field<NonNullGraphType<RowType>>("requiredChild").Resolve(c => TestSchema.Next((Row)c.Source!));
            Field<ListGraphType<RowType>>("children").ResolveSource(r => new[] { r, TestSchema.Next(r) });
        }
    }

    private sealed class TestSchema : GraphQL.Types.Schema
    {
        public static readonly TestSchema Instance = new();

        private static readonly Row[] Rows =
        [
            new(1, "一号 \"quoted\" </script>", true, 0.5, new DateOnly(2026, 1, 31), Colour.Green, null, ["a", "b"]),
            new(2, "two", false, 1e-7, new DateOnly(2025, 12, 1), Colour.Red, "set", []),
        ];

        /// <summary>The other row: objects below objects, each with its own values.</summary>
        public static Row Next(Row row) => Rows[row.Number % Rows.Length];

        private TestSchema()
        {
            var query = new ObjectGraphType { Name = "Query" };
            query.Field<RowType>("row").Resolve(_ => Rows[0]);
            query.Field<ListGraphType<RowType>>("rows").Resolve(_ => Rows);
            Query = query;
        }
    }
}
