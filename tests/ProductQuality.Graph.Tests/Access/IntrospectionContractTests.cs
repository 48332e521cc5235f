using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using ProductQuality.Graph.Access;
using ProductQuality.Graph.Schema;
using ProductQuality.Graph.Tests.Infrastructure;

namespace ProductQuality.Graph.Tests.Access;

/// <summary>What a partner's developer sees by introspection is exactly its contract file.</summary>
[Collection(ServerCollection.Name)]
public sealed partial class IntrospectionContractTests(GraphServerFactory factory)
{
    [Theory]
    [InlineData("finance")]
    [InlineData("tax")]
    [InlineData("samr-330481")]
    [InlineData("yrd-partner")]
    [InlineData(null)]
    public async Task Introspected_types_and_fields_are_those_of_the_contract_file(string? department)
    {
        var folder = SchemaFiles.FindSchemaFolder(AppContext.BaseDirectory)!;
        // Files are per contract: the department's is the one of the contract it uses.
        var policy = factory.Services.GetRequiredService<AccessPolicy>();
        var contract = (department is null ? policy.Public : policy.ForDepartment(department)!).Contract.Name;
        var sdl = File.ReadAllText(Path.Combine(folder, SchemaFiles.RelativePath(contract)));
        var declared = Declared().Matches(sdl).Select(m => m.Groups[2].Value).ToHashSet();

        var reply = (await factory.ClientFor(department)
            .PostAsync("{ __schema { types { name kind fields { name } } } }")).EnsureData();
        var introspected = reply.Data.GetProperty("__schema").GetProperty("types").EnumerateArray()
            .Select(t => t.GetProperty("name").GetString()!)
            .Where(n => !n.StartsWith("__", StringComparison.Ordinal)
                && n is not ("String" or "Boolean" or "Int" or "Float" or "ID"))
            .ToHashSet();
        Assert.Equal(declared.Order(StringComparer.Ordinal), introspected.Order(StringComparer.Ordinal));

        var enterprise = reply.Data.GetProperty("__schema").GetProperty("types").EnumerateArray()
            .FirstOrDefault(t => t.GetProperty("name").GetString() == "Enterprise");
        var fileFields = Regex.Match(sdl, "type Enterprise \\{(.*?)\\n\\}", RegexOptions.Singleline).Groups[1].Value;
        foreach (var field in enterprise.GetProperty("fields").EnumerateArray()
            .Select(f => f.GetProperty("name").GetString()))
        {
            Assert.Contains($"  {field}", fileFields, StringComparison.Ordinal);
        }
    }

    [GeneratedRegex("^(type|enum|scalar|input|interface|union) (\\w+)", RegexOptions.Multiline)]
    private static partial Regex Declared();
}
