using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using ProductQuality.Graph.Access;
using ProductQuality.Graph.Explorer;
using ProductQuality.Graph.Tests.Infrastructure;

namespace ProductQuality.Graph.Tests.Explorer;

/// <summary>
/// The examples under <c>schema/examples/&lt;contract&gt;/</c> never rot: every contract has some, and each one runs
/// without an error for a department of its contract (the regulator's mutation included, on a writable server).
/// </summary>
[Collection(WritableServerCollection.Name)]
public sealed class ExampleTests(WritableServerFactory factory)
{
    public static TheoryData<string, string> Examples()
    {
        var data = new TheoryData<string, string>();
        var catalogue = new ExampleCatalogue();
        foreach (var contract in catalogue.Contracts.Order(StringComparer.Ordinal))
        {
            foreach (var example in catalogue.For(contract))
            {
                data.Add(contract, example.Name);
            }
        }

        return data;
    }

    [Fact]
    public void Every_contract_has_examples_and_every_example_folder_is_a_contract()
    {
        var policy = factory.Services.GetRequiredService<AccessPolicy>();
        var contracts = policy.Contracts.Select(c => c.Name).Where(c => c != SchemaContract.Full.Name)
            .Order(StringComparer.Ordinal);
        Assert.Equal(contracts, new ExampleCatalogue().Contracts.Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public async Task The_example_runs_without_errors_for_its_contract(string contract, string name)
    {
        var example = new ExampleCatalogue().For(contract).Single(e => e.Name == name);
        Assert.False(string.IsNullOrWhiteSpace(example.Title));
        // The enterprise contract has no department: its examples run with an enterprise's own token.
        using var client = contract == AccessPolicy.EnterpriseContract
            ? factory.ClientForEnterprise(ExampleEnterprise)
            : factory.ClientFor(DepartmentOf(contract));
        var reply = await client.PostAsync(example.Query, example.Variables);
        Assert.True(reply.Status == HttpStatusCode.OK, reply.Body);
        Assert.False(reply.Json.TryGetProperty("errors", out _), reply.Body);
    }

    [Fact]
    public async Task The_IDE_is_handed_the_examples_of_the_signed_in_contract()
    {
        using var client = factory.ClientFor("finance");
        using var response = await client.GetAsync("/graphql/ide/examples");
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("finance", body.GetProperty("contract").GetString());
        var names = body.GetProperty("examples").EnumerateArray().Select(e => e.GetProperty("name").GetString());
        Assert.Equal(new ExampleCatalogue().For("finance").Select(e => e.Name), names);
    }

    /// <summary>The enterprise of the regulator's examples (schema/examples/regulator/*.variables.json).</summary>
    private const string ExampleEnterprise = "913304831LXE3BD9A5";

    /// <summary>A city-wide department of the contract, so examples about any county answer rows.</summary>
    private string? DepartmentOf(string contract)
    {
        var policy = factory.Services.GetRequiredService<AccessPolicy>();
        if (policy.Public.Contract.Name == contract)
        {
            return null;
        }

        return policy.Departments.Order(StringComparer.Ordinal)
            .Select(d => (Id: d, Audience: policy.ForDepartment(d)!))
            .Where(d => d.Audience.Contract.Name == contract)
            .OrderBy(d => d.Audience.Rows.County is null ? 0 : 1)
            .First().Id;
    }
}
