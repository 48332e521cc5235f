using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using ProductQuality.Graph.Access;
using ProductQuality.Graph.Schema;
using ProductQuality.Graph.Tests.Infrastructure;

namespace ProductQuality.Graph.Tests.Explorer;

/// <summary>
/// <c>GET /graphql/schema.graphql</c> answers the caller's own contract, decided by its token exactly as a query is,
/// and it is the file under <c>schema/contracts/</c> a partner would otherwise need the repository for.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class ContractDownloadTests(GraphServerFactory factory)
{
    [Fact]
    public async Task Each_department_downloads_the_file_of_its_own_contract()
    {
        var policy = factory.Services.GetRequiredService<AccessPolicy>();
        foreach (var department in policy.Departments.Order(StringComparer.Ordinal).Append(null))
        {
            var contract = department is null
                ? policy.Public.Contract.Name
                : policy.ForDepartment(department)!.Contract.Name;
            using var client = factory.ClientFor(department);
            using var response = await client.GetAsync("/graphql/schema.graphql");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("text/plain", response.Content.Headers.ContentType!.MediaType);
            Assert.Equal($"{contract}.graphql", response.Content.Headers.ContentDisposition!.FileName!.Trim('"'));
            Assert.Contains("Authorization", response.Headers.Vary);
            var file = Path.Combine(
                SchemaFiles.FindSchemaFolder(AppContext.BaseDirectory)!, SchemaFiles.RelativePath(contract));
            Assert.True(await File.ReadAllTextAsync(file) == await response.Content.ReadAsStringAsync(),
                $"{department ?? "the public"} downloaded something other than {file}");
        }
    }

    [Fact]
    public async Task A_bad_token_is_refused_as_the_endpoint_refuses_it()
    {
        using var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "not.a.token");
        using var response = await client.GetAsync("/graphql/schema.graphql");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains(
            "\"code\":\"INVALID_TOKEN\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.NotEmpty(response.Headers.WwwAuthenticate);
    }
}
