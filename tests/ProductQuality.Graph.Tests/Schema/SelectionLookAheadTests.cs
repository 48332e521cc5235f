using GraphQL;
using GraphQL.Validation;
using GraphQLParser.AST;
using ProductQuality.Graph.Schema;

namespace ProductQuality.Graph.Tests.Schema;

/// <summary>
/// The look-ahead a page uses to load its enterprises' products with it: a path of field names, found through
/// aliases and fragments; anything else, or fragments nested past the limit, is a no (the rows are then batched).
/// </summary>
public sealed class SelectionLookAheadTests
{
    [Theory]
    [InlineData("{ enterprises { edges { node { products { code } } } } }", true)]
    [InlineData("{ enterprises { e: edges { n: node { p: products { code } } } } }", true)]
    [InlineData("{ enterprises { edges { node { ...E } } } } fragment E on Enterprise { products { code } }", true)]
    [InlineData("{ enterprises { ... { edges { ... on EnterpriseEdge { node { products { code } } } } } } }", true)]
    [InlineData("{ enterprises { edges { node { name } } products: totalCount } }", false)]
    [InlineData("{ enterprises { edges { node { licences { number } } } } }", false)]
    [InlineData("{ enterprises { edges { cursor } items { products { code } } } }", false)]
    [InlineData("{ enterprises { totalCount } }", false)]
    public void Finds_a_path_of_field_names(string document, bool asks) =>
        Assert.Equal(asks, ContextOf(document).Asks("edges", "node", "products"));

    [Fact]
    public void Fragments_nested_past_the_limit_count_as_asked_and_give_no_fields()
    {
        static string Chain(int n, string last) =>
            "{ enterprises { ...F0 } } "
            + string.Concat(Enumerable.Range(0, n)
                .Select(i => $"fragment F{i} on EnterpriseConnection {{ ...F{i + 1} }} "))
            + $"fragment F{n} on EnterpriseConnection {{ {last} }}";
        const string products = "edges { node { products { code } } }";

        Assert.True(ContextOf(Chain(7, products)).Asks("edges", "node", "products"));
        Assert.False(ContextOf(Chain(7, "totalCount")).Asks("edges", "node", "products"));
        // Past the limit the walk stops: a caller that skips work on a no must not skip what may be asked.
        Assert.True(ContextOf(Chain(8, "totalCount")).Asks("edges", "node", "products"));
        Assert.Empty(ContextOf(Chain(8, products)).FieldsAt("edges", "node", "products"));
    }

    /// <summary>The context of the operation's first field, with the variables given values (the rest unset).
    /// </summary>
    internal static ResolveFieldContext ContextOf(string text, params (string Name, int Value)[] values)
    {
        var document = GraphQLParser.Parser.Parse(text);
        var operation = document.Definitions.OfType<GraphQLOperationDefinition>().Single();
        var variables = new Variables();
        foreach (var definition in operation.Variables?.Items ?? [])
        {
            var name = definition.Variable.Name.StringValue;
            var variable = new Variable(name, definition);
            foreach (var (_, value) in values.Where(v => v.Name == name))
            {
                variable.Value = value;
            }

            variables.Add(variable);
        }

        return new ResolveFieldContext
        {
            Document = document,
            Operation = operation,
            FieldAst = (GraphQLField)operation.SelectionSet.Selections[0],
            Variables = variables,
        };
    }
}
