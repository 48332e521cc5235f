using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using ProductQuality.Graph.Access;
using ProductQuality.Graph.Tests.Infrastructure;

namespace ProductQuality.Graph.Tests.Signals;

/// <summary>
/// Text is data (ACCESS.md principle 6) for the tiers' explanations, over every contract of the shipped policy and
/// every product of the generated data set: a contract that cannot read product-tier facts cannot reach a tier
/// explanation, its signals or the failure counts behind it; a contract that can reads in an explanation only signals
/// it can also read as <c>externalSignals</c> of the same product.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class SignalTextTests(GraphServerFactory factory)
{
    private const string Product = """
        code externalSignals { source reference } tierHistory { explanation { summary factors { name value effect } } }
        """;

    [Fact]
    public async Task No_tier_explanation_shows_signals_or_failures_to_a_contract_that_cannot_read_them()
    {
        var policy = factory.Services.GetRequiredService<AccessPolicy>();
        var audiences = policy.Departments.Select(d => policy.ForDepartment(d)!).Append(policy.Public).ToList();
        var named = 0;
        foreach (var audience in audiences)
        {
            var client = factory.ClientFor(audience.Department);
            if (!audience.Contract.Sees(FieldGroup.ProductTiers))
            {
                var reply = await client.PostAsync("{ products { " + Product + " } }");
                // The fields do not exist for it: the same validation error as any unknown field, and no data.
                Assert.True(reply.HasErrors, $"{audience.Department ?? "public"} read tier text");
                Assert.False(reply.Json.TryGetProperty("data", out var data) && data.ValueKind != JsonValueKind.Null);
                continue;
            }

            foreach (var product in await Text.WholeTierHistories.ReadAsync(client, Product))
            {
                var readable = product.GetProperty("externalSignals").EnumerateArray()
                    .Select(s => s.GetProperty("reference").GetString()!).ToHashSet(StringComparer.Ordinal);
                foreach (var signal in NamedSignals(product.GetProperty("tierHistory")))
                {
                    named++;
                    Assert.True(readable.Any(r => signal.EndsWith(" " + r, StringComparison.Ordinal)),
                        $"{audience.Department}: {product.GetProperty("code")} names «{signal}», which it cannot read");
                }
            }
        }

        Assert.True(named > 0, "no explanation named a signal: the property was never exercised");
    }

    // Each signal an explanation names, as "<source> <reference>": in a factor's name and in the summary's clause.
    private static IEnumerable<string> NamedSignals(JsonElement history)
    {
        const string factor = "risk signal (风险信号): ";
        const string clause = "external signals (国内外风险信号): ";
        foreach (var e in history.EnumerateArray().Select(h => h.GetProperty("explanation"))
            .Where(e => e.ValueKind == JsonValueKind.Object))
        {
            foreach (var name in e.GetProperty("factors").EnumerateArray()
                .Select(f => f.GetProperty("name").GetString()!))
            {
                if (name.StartsWith(factor, StringComparison.Ordinal))
                {
                    yield return name[factor.Length..];
                }
            }

            var summary = e.GetProperty("summary").GetString()!;
            var at = summary.IndexOf(clause, StringComparison.Ordinal);
            if (at >= 0)
            {
                foreach (var item in summary[(at + clause.Length)..].Split("; ")[0].Split(", "))
                {
                    yield return item;
                }
            }
        }
    }
}
