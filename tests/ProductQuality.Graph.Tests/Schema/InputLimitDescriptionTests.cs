using System.Text.RegularExpressions;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;
using ProductQuality.Graph.Schema;
using ProductQuality.Graph.Tests.Infrastructure;

namespace ProductQuality.Graph.Tests.Schema;

/// <summary>
/// Every free-text field of a write's input says how long it may be: eight of them (a sampling's batch, lab, report
/// number, decision and bulletin numbers) were capped at 256 characters with a clear refusal, but their descriptions
/// did not say so, and a partner found the limit by being refused (the fuzz probe). Codes (credit, product, region)
/// have a form of their own, described with it.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed partial class InputLimitDescriptionTests(GraphServerFactory factory)
{
    [Fact]
    public void Every_free_text_input_field_of_a_write_states_its_length_limit()
    {
        var registry = factory.Services.GetRequiredService<SchemaRegistry>();
        var unstated = new SortedSet<string>(StringComparer.Ordinal);
        var checkedFields = 0;
        foreach (var contract in registry.Contracts)
        {
            var schema = registry.For(registry.Contract(contract));
            foreach (var input in schema.AllTypes.OfType<IInputObjectGraphType>().Where(t => t.Name.EndsWith("Input",
                StringComparison.Ordinal)))
            {
                foreach (var field in input.Fields.Where(f => IsText(f.ResolvedType)
                    && !f.Name.EndsWith("Code", StringComparison.Ordinal)))
                {
                    checkedFields++;
                    if (!AtMost().IsMatch(field.Description ?? ""))
                    {
                        unstated.Add($"{input.Name}.{field.Name}: \"{field.Description}\"");
                    }
                }
            }
        }

        Assert.True(checkedFields > 20, $"only {checkedFields} free-text input fields found");
        Assert.True(unstated.Count == 0, "No length limit stated:\n" + string.Join('\n', unstated));
    }

    private static bool IsText(IGraphType? type) => type switch
    {
        NonNullGraphType nonNull => IsText(nonNull.ResolvedType),
        StringGraphType => true,
        _ => false,
    };

    [GeneratedRegex(@"at most [\d,]+ characters")]
    private static partial Regex AtMost();
}
