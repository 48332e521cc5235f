using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;
using ProductQuality.Graph.Access;
using ProductQuality.Graph.Schema;
using ProductQuality.Graph.Tests.Infrastructure;

namespace ProductQuality.Graph.Tests.Access;

/// <summary>
/// A value computed from several groups states each of them: beside the ones a contract sees, it gives the others
/// away. An enterprise's map colour is class × its products' highest tier (blacklisted: RED), so tax, which reads
/// classes but not product tiers, inverted the table of DOMAIN.md and named the tier of 126 products. Over every
/// contract's served schema, such a field (or filter, or change kind) appears only where all its inputs are seen.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class DerivedFieldTests(GraphServerFactory factory)
{
    private static readonly Dictionary<string, FieldGroup[]> InputsOf = new(StringComparer.Ordinal)
    {
        ["mapColour"] = [FieldGroup.Class, FieldGroup.ProductTiers, FieldGroup.BlacklistStatus],
        ["MAP_COLOUR"] = [FieldGroup.Class, FieldGroup.ProductTiers, FieldGroup.BlacklistStatus],
        ["healthCode"] = [FieldGroup.Class],
        ["HEALTH_CODE"] = [FieldGroup.Class],
    };

    [Fact]
    public void A_derived_value_is_served_only_where_every_group_it_states_is_seen()
    {
        var registry = factory.Services.GetRequiredService<SchemaRegistry>();
        var checkedFields = 0;
        foreach (var name in registry.Contracts)
        {
            var contract = registry.Contract(name);
            foreach (var (type, member) in Members(registry.For(contract)))
            {
                if (InputsOf.TryGetValue(member, out var inputs))
                {
                    checkedFields++;
                    var unseen = inputs.Where(g => !contract.Sees(g)).ToList();
                    Assert.True(unseen.Count == 0,
                        $"{name} is served {type}.{member} but not {string.Join(", ", unseen)}, which it states");
                }
            }
        }

        Assert.True(checkedFields > 20, $"only {checkedFields} derived fields found: did the names change?");
    }

    [Fact]
    public async Task Tax_cannot_ask_or_filter_by_the_map_colour()
    {
        var tax = factory.ClientFor("tax");
        Assert.Equal("ARGUMENTS_OF_CORRECT_TYPE", (await tax.PostAsync(
            "{ enterprises(first: 1, filter: { mapColour: RED }) { totalCount } }")).FirstErrorCode);
        Assert.Equal("FIELDS_ON_CORRECT_TYPE", (await tax.PostAsync(
            "{ enterprises(first: 1) { edges { node { mapColour } } } }")).FirstErrorCode);
        (await factory.ClientFor("sci-tech").PostAsync("{ enterprises(first: 1) { edges { node { mapColour } } } }"))
            .EnsureData();
    }

    private static IEnumerable<(string Type, string Member)> Members(ISchema schema)
    {
        foreach (var type in schema.AllTypes)
        {
            switch (type)
            {
                case IComplexGraphType complex:
                    foreach (var field in complex.Fields)
                    {
                        yield return (type.Name, field.Name);
                    }

                    break;
                case EnumerationGraphType enumeration:
                    foreach (var value in enumeration.Values)
                    {
                        yield return (type.Name, value.Name);
                    }

                    break;
            }
        }
    }
}
