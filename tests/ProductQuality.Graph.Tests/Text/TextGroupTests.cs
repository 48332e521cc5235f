using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using ProductQuality.Graph.Access;
using ProductQuality.Graph.Rules.Common;
using ProductQuality.Graph.Tests.Infrastructure;

namespace ProductQuality.Graph.Tests.Text;

/// <summary>
/// Text is data (ACCESS.md principle 6): for every contract and every text field it can reach (reasons, summaries,
/// factors), over every enterprise of the generated data set it can see, no rendered text states a fact of a field
/// group the contract cannot read — nor, for a county bureau, a fact counted over every county (a product's
/// sampling results, one maker's when it has one). Facts are recognised by the vocabulary of
/// <see cref="TextMarkers"/>.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class TextGroupTests(GraphServerFactory factory)
{
    [Fact]
    public async Task No_rendered_text_carries_a_fact_of_a_group_the_contract_cannot_read()
    {
        // Every department of the shipped policy, and the public.
        var policy = factory.Services.GetRequiredService<AccessPolicy>();
        var audiences = policy.Departments.Select(d => policy.ForDepartment(d)!).Append(policy.Public).ToList();
        var leaks = new List<string>();
        foreach (var audience in audiences)
        {
            var texts = await RenderedTextsAsync(audience.Department);
            Assert.True(audience.Department is null || texts.Count > 0, $"{audience.Department} reads no text at all");
            leaks.AddRange(texts
                .SelectMany(t => TextMarkers.In(t).Where(m => !audience.Reads(m.Group))
                    .Select(m => $"{audience.Department ?? "public"}: {m.Group} «{m.Marker}» in: {t}"))
                .Distinct().Take(5));
        }

        Assert.True(leaks.Count == 0, "Facts read outside their groups:\n" + string.Join("\n", leaks));
    }

    [Fact]
    public async Task Every_kind_of_fact_has_markers_and_they_occur_in_the_regulators_text()
    {
        var texts = await RenderedTextsAsync("samr-jiaxing");

        foreach (var group in Enum.GetValues<FactGroup>())
        {
            Assert.True(TextMarkers.ByGroup.TryGetValue(group, out var markers) && markers.Length > 0,
                $"no markers for {group}");
            Assert.True(
                texts.Any(t => markers.Any(m => t.Contains(m, StringComparison.Ordinal))),
                $"no marker of {group} in the regulator's text");
        }
    }

    [Fact]
    public async Task A_reader_without_the_facts_group_still_reads_a_sentence()
    {
        var texts = await RenderedTextsAsync("tax");

        Assert.Contains(texts, t => t.Contains("升降原则", StringComparison.Ordinal));
        Assert.All(texts, t =>
            Assert.False(string.IsNullOrWhiteSpace(t) || t.EndsWith(':') || t.Contains("; ;", StringComparison.Ordinal),
                t));
    }

    /// <summary>
    /// Text is read by people: no reason or explanation spells a value as the code's identifier (an enforcement
    /// decision read "IpInfringement"). Every compound member name of the rules' enums is looked for, whole word.
    /// </summary>
    [Fact]
    public async Task No_rendered_text_spells_a_value_as_a_code_identifier()
    {
        var identifiers = typeof(FactGroup).Assembly.GetTypes().Where(t => t.IsEnum)
            .SelectMany(Enum.GetNames).Where(n => n.Any(char.IsLower) && n.Skip(1).Any(char.IsUpper)).Distinct()
            .ToList();
        var texts = await RenderedTextsAsync("samr-jiaxing");

        var found = texts.SelectMany(t => identifiers
                .Where(i => System.Text.RegularExpressions.Regex.IsMatch(t, $@"\b{i}\b"))
                .Select(i => $"«{i}» in: {t}"))
            .Distinct().Take(5).ToList();
        Assert.True(found.Count == 0, "Identifiers in text:\n" + string.Join("\n", found));
    }

    private async Task<List<string>> RenderedTextsAsync(string? department)
    {
        var client = factory.ClientFor(department);
        var selection = await TextSelection.ForAsync(client);
        var node = selection.Below("Enterprise", 4);
        var roots = department is null ? new[] { "blacklist", "assuredUnits" } : ["enterprises"];
        var texts = new List<string>();
        foreach (var root in roots)
        {
            string? after = null;
            do
            {
                // Pages of 10: every text field below an enterprise, multiplied by 25, exceeds the cost budget.
                var query = $"query($after: String) {{ {root}(first: 10, after: $after) {{ " +
                    $"pageInfo {{ endCursor hasNextPage }} edges {{ node {{ {node}}} }} }} }}";
                var page = (await client.PostAsync(query, new { after })).EnsureData().Data.GetProperty(root);
                Collect(page.GetProperty("edges"), texts);
                var pageInfo = page.GetProperty("pageInfo");
                after = pageInfo.GetProperty("hasNextPage").GetBoolean() ? pageInfo.GetProperty("endCursor").GetString()
                    : null;
            }
            while (after is not null);
        }

        // A product's tier history below an enterprise gives its newest gradings: every one, product by product.
        if (selection.Has("Product", "tierHistory"))
        {
            Collect(JsonSerializer.SerializeToElement(
                await WholeTierHistories.ReadAsync(client, selection.Below("Product", 3))), texts);
        }

        if (selection.Has("Query", "city") && selection.Has("Region", "assessment"))
        {
            // The city, its counties and their towns, each with its assessment.
            var region = $"assessment {{ {selection.Below("RegionAssessment", 2)}}}";
            var tree = $"{{ city {{ {region} children {{ {region} children {{ {region} }} }} }} }}";
            var city = (await client.PostAsync(tree)).EnsureData().Data;
            Collect(city, texts);
        }

        return texts;
    }

    // The free text of an answer: reasons, summaries, and every part of an explanation factor.
    private static void Collect(JsonElement element, List<string> texts)
    {
        if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
            {
                Collect(item, texts);
            }
        }
        else if (element.ValueKind == JsonValueKind.Object)
        {
            var factor = element.TryGetProperty("effect", out _);
            foreach (var property in element.EnumerateObject())
            {
                var text = factor || property.Name is "reason" or "summary" or "outcome";
                if (property.Value.ValueKind == JsonValueKind.String && text)
                {
                    texts.Add(property.Value.GetString()!);
                }
                else
                {
                    Collect(property.Value, texts);
                }
            }
        }
    }
}
