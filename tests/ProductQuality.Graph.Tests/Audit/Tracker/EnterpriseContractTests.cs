using System.Net;
using System.Text.Json;
using ProductQuality.Graph.Schema;
using ProductQuality.Graph.Tests.Infrastructure;

namespace ProductQuality.Graph.Tests.Audit.Tracker;

/// <summary>
/// An enterprise token signs in as the <c>enterprise-self</c> contract everywhere a token is read: the IDE's session
/// and the contract download answer that contract, whose SDL is schema/contracts/enterprise-self.graphql and holds
/// exactly its two root fields.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class EnterpriseContractTests(GraphServerFactory factory)
{
    private const string Code = "913304831LXE3BD9A5";

    [Fact]
    public async Task The_enterprise_downloads_its_own_contract_and_the_IDE_names_it()
    {
        using var client = factory.ClientForEnterprise(Code);
        using var download = await client.GetAsync("/graphql/schema.graphql");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        var file = Path.Combine(SchemaFiles.FindSchemaFolder(AppContext.BaseDirectory)!,
            SchemaFiles.RelativePath("enterprise-self"));
        Assert.Equal(await File.ReadAllTextAsync(file), await download.Content.ReadAsStringAsync());

        using var session = await client.GetAsync("/graphql/ide/session");
        var answer = JsonDocument.Parse(await session.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("enterprise-self", answer.GetProperty("contract").GetString());
        Assert.Equal("enterprise-self", answer.GetProperty("department").GetString());
    }

    [Fact]
    public async Task Its_schema_has_only_its_tracker_and_its_status()
    {
        var reply = (await factory.ClientForEnterprise(Code).PostAsync(
            "{ __schema { queryType { fields { name } } mutationType { name } subscriptionType { name } } }"))
            .EnsureData().Data.GetProperty("__schema");
        Assert.Equal(["myEnterprise", "whoAccessed"], reply.GetProperty("queryType").GetProperty("fields")
            .EnumerateArray().Select(f => f.GetProperty("name").GetString()).Order(StringComparer.Ordinal));
        Assert.Equal(JsonValueKind.Null, reply.GetProperty("mutationType").ValueKind);
        Assert.Equal(JsonValueKind.Null, reply.GetProperty("subscriptionType").ValueKind);
    }
}
