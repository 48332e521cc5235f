using Microsoft.Extensions.DependencyInjection;
using ProductQuality.Graph.Access;
using ProductQuality.Graph.Schema;
using ProductQuality.Graph.Tests.Infrastructure;

namespace ProductQuality.Graph.Tests.Access;

/// <summary>
/// A department is not a contract (ACCESS.md principle 8): departments name the contract they use and share its
/// one schema; the row scope is the department's own.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class ContractTests(GraphServerFactory factory)
{
    private static readonly string[] Regulators =
        ["samr-jiaxing", "samr-330402", "samr-330411", "samr-330421", "samr-330424", "samr-330481", "samr-330482",
            "samr-330483"];

    [Fact]
    public void The_shipped_policy_has_one_schema_per_contract()
    {
        var registry = factory.Services.GetRequiredService<SchemaRegistry>();
        string[] expected =
            ["drc", "enterprise-self", "finance", "full", "industry-access", "project-approval", "public", "regulator",
                "sci-tech", "tax", "yrd-partner"];
        Assert.Equal(expected, registry.Contracts.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Departments_of_one_contract_share_its_schema_and_keep_their_own_rows()
    {
        var policy = factory.Services.GetRequiredService<AccessPolicy>();
        var registry = factory.Services.GetRequiredService<SchemaRegistry>();
        var city = policy.ForDepartment("samr-jiaxing")!;
        foreach (var id in Regulators)
        {
            var audience = policy.ForDepartment(id)!;
            Assert.Equal("regulator", audience.Contract.Name);
            Assert.Same(registry.For(city.Contract), registry.For(audience.Contract));
            Assert.Equal(id == "samr-jiaxing" ? null : id["samr-".Length..], audience.Rows.County);
            Assert.False(audience.Rows.PublishedOnly);
        }

        Assert.Same(RowScope.City, policy.ForDepartment("finance")!.Rows);
        Assert.Same(RowScope.PublishedLists, policy.Public.Rows);
        Assert.Equal("public", policy.Public.Contract.Name);
    }

    [Fact]
    public async Task A_document_valid_for_one_department_is_valid_for_every_department_of_its_contract()
    {
        // The document cache is keyed by contract: a county bureau reuses what the city validated, and still
        // reads only its own county.
        const string query = "{ enterprises(first: 500) { totalCount edges { node { county { code } } } } }";
        var all = (await factory.ClientFor("samr-jiaxing").PostAsync(query)).EnsureData();
        var county = (await factory.ClientFor("samr-330481").PostAsync(query)).EnsureData();
        var counties = county.Data.GetProperty("enterprises").GetProperty("edges").EnumerateArray()
            .Select(e => e.GetProperty("node").GetProperty("county").GetProperty("code").GetString()).Distinct();
        Assert.Equal(["330481"], counties);
        Assert.True(all.Data.GetProperty("enterprises").GetProperty("totalCount").GetInt32()
            > county.Data.GetProperty("enterprises").GetProperty("totalCount").GetInt32());
    }
}
