using GraphQL.Types;
using GraphQLParser.AST;
using ProductQuality.Graph.Schema;

namespace ProductQuality.Graph.Tests.Fuzz;

/// <summary>
/// An operation generated from one contract's schema and parsed, with the generator that made it (which gives
/// values for its variables, right and wrong).
/// </summary>
public sealed record GeneratedOperation(
    string Contract,
    ISchema Schema,
    SchemaDocumentGenerator Generator,
    string Text,
    IReadOnlyList<(string Name, IGraphType Type)> Variables,
    GraphQLDocument Document,
    GraphQLOperationDefinition Operation)
{
    /// <summary>
    /// <paramref name="perContract"/> operations from each contract's schema, contracts in name order, all drawn from
    /// one random source (the same seed gives the same operations).
    /// </summary>
    public static IEnumerable<GeneratedOperation> OfEveryContract(SchemaRegistry registry, Random random,
        int perContract)
    {
        ArgumentNullException.ThrowIfNull(registry);
        foreach (var contract in registry.Contracts.Order(StringComparer.Ordinal))
        {
            var schema = registry.For(registry.Contract(contract));
            var generator = new SchemaDocumentGenerator(schema, random);
            for (var i = 0; i < perContract; i++)
            {
                var (text, variables) = generator.Next();
                var document = GraphQLParser.Parser.Parse(text);
                var operation = document.Definitions.OfType<GraphQLOperationDefinition>().Single();
                yield return new(contract, schema, generator, text, variables, document, operation);
            }
        }
    }
}
