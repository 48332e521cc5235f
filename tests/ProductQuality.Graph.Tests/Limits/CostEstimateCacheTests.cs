using GraphQL;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ProductQuality.Graph.Access;
using ProductQuality.Graph.Infrastructure.Http;
using ProductQuality.Graph.Infrastructure.Http.Limits;
using ProductQuality.Graph.Schema;
using ProductQuality.Graph.Tests.Fuzz;
using ProductQuality.Graph.Tests.Infrastructure;
using Xunit.Abstractions;

namespace ProductQuality.Graph.Tests.Limits;

/// <summary>
/// The cost estimate of an operation whose sizes read no variable is kept and reused; one whose sizes do is estimated
/// for every request. Checked as a property: operations generated from every contract's schema, each checked through
/// the server's own limits several times with random variables, must get the estimate a fresh walk gives for those
/// variables — a kept estimate that should have moved with a variable fails it.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class CostEstimateCacheTests(GraphServerFactory factory, ITestOutputHelper output)
{
    private const int OperationsPerContract = 300;
    private const int VariableSetsPerOperation = 4;

    [Fact]
    public void Every_request_gets_the_estimate_of_its_own_variables()
    {
        var registry = factory.Services.GetRequiredService<SchemaRegistry>();
        var serializer = factory.Services.GetRequiredService<IGraphQLTextSerializer>();
        var limits = factory.Services.GetRequiredService<QueryLimits>();
        var options = factory.Services.GetRequiredService<IOptions<QueryLimitsOptions>>().Value;
        var maxPageSize = factory.Services.GetRequiredService<IOptions<GraphQLHttpOptions>>().Value.MaxPageSize;
        var audience = factory.Services.GetRequiredService<AccessPolicy>().ForDepartment("samr-jiaxing")!;
        var counted = factory.Services.GetRequiredService<CountedLists>();
        var random = new Random(20261204);
        int compared = 0, fixedOnes = 0, moving = 0;
        foreach (var (contract, schema, generator, text, variables, document, operation) in
            GeneratedOperation.OfEveryContract(registry, random, OperationsPerContract))
        {
            var readsVariables = false;
            for (var j = 0; j < VariableSetsPerOperation; j++)
            {
                var json = generator.VariablesJson(variables);
                var inputs = serializer.Deserialize<Inputs>(json) ?? Inputs.Empty;
                var sizes = new ListSize(options, maxPageSize, operation, inputs, counted);
                var expected = CostEstimator.Estimate(schema, document, operation, sizes);
                readsVariables |= sizes.ReadVariables;

                limits.CheckDocument(document, null, inputs, schema, audience, out var actual);

                if (actual is null)
                {
                    break; // refused for its shape before any estimate: nothing to compare
                }

                Assert.True(expected == actual, $"{contract}:\n{text}\nvariables {json}\n"
                    + $"expected {expected}, got {actual}");
                compared++;
            }

            (fixedOnes, moving) = readsVariables ? (fixedOnes, moving + 1) : (fixedOnes + 1, moving);
        }

        output.WriteLine($"{compared} comparisons; {fixedOnes} operations with a kept estimate, {moving} without");
        // Both ways must be covered many times, the kept one with the same document checked again and again.
        Assert.True(fixedOnes > 300 && moving > 300, $"{fixedOnes} fixed, {moving} variable-sized operations");
        Assert.True(compared > 3000, $"only {compared} comparisons");
    }
}
