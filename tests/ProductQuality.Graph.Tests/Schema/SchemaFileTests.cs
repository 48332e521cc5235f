using ProductQuality.Graph.Schema;
using ProductQuality.Graph.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace ProductQuality.Graph.Tests.Schema;

/// <summary>
/// The schema is an interface other departments build on: the served schema must equal schema/*.graphql.
/// Locally a difference rewrites the file (review it in git); in CI (CI=true) it fails.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class SchemaFileTests(GraphServerFactory factory)
{
    [Fact]
    public void Served_schemas_match_the_files_under_schema()
    {
        var registry = factory.Services.GetRequiredService<SchemaRegistry>();
        var folder = SchemaFiles.FindSchemaFolder(AppContext.BaseDirectory)
            ?? throw new InvalidOperationException("schema/ folder not found");
        var inCi = string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
        foreach (var contract in registry.Contracts)
        {
            var path = Path.Combine(folder, SchemaFiles.RelativePath(contract));
            var served = SchemaFiles.Print(registry.For(registry.Contract(contract)));
            var onDisk = File.Exists(path) ? File.ReadAllText(path) : null;
            if (served != onDisk && !inCi)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.WriteAllText(path, served);
            }

            Assert.True(inCi ? served == onDisk : true,
                $"{path} differs from the served schema of '{contract}': run `dotnet run --project "
                    + "src/ProductQuality.Graph -- schema export` and review the change.");
        }
    }

    [Fact]
    public void Every_file_under_schema_contracts_is_a_served_contract()
    {
        // One file per contract, not per department: a file no contract prints would mislead a reader.
        var registry = factory.Services.GetRequiredService<SchemaRegistry>();
        var schema = SchemaFiles.FindSchemaFolder(AppContext.BaseDirectory)
            ?? throw new InvalidOperationException("schema/ folder not found");
        var folder = Path.Combine(schema, "contracts");
        var served = registry.Contracts.Select(c => Path.GetFileName(SchemaFiles.RelativePath(c))).ToHashSet();
        var stale = Directory.GetFiles(folder, "*.graphql").Where(f => !served.Contains(Path.GetFileName(f))).ToList();
        var inCi = string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
        if (!inCi)
        {
            stale.ForEach(File.Delete);
        }

        Assert.True(!inCi || stale.Count == 0, $"No contract prints {string.Join(", ", stale)}: delete them.");
    }

    // The specification's own scalars are described by the specification.
    private static readonly string[] BuiltInScalars = ["String", "Boolean", "Float", "Int", "ID"];

    [Fact]
    public async Task Every_type_field_argument_and_input_field_has_a_description()
    {
        var reply = (await factory.ClientFor("samr-jiaxing")
            .PostAsync("{ __schema { types { name description fields { name description args { name description } } "
                + "inputFields { name description } } } }")).EnsureData();
        var missing = reply.Data.GetProperty("__schema").GetProperty("types").EnumerateArray()
            .Where(t => !t.GetProperty("name").GetString()!.StartsWith("__", StringComparison.Ordinal)
                && !BuiltInScalars.Contains(t.GetProperty("name").GetString()!))
            .SelectMany(t =>
            {
                var name = t.GetProperty("name").GetString();
                var own = string.IsNullOrEmpty(t.GetProperty("description").GetString()) ? [name!]
                    : Array.Empty<string>();
                var fields = t.GetProperty("fields").ValueKind == System.Text.Json.JsonValueKind.Array
                    ? t.GetProperty("fields").EnumerateArray()
                        .Where(f => string.IsNullOrEmpty(f.GetProperty("description").GetString()))
                        .Select(f => $"{name}.{f.GetProperty("name").GetString()}")
                    : [];
                var args = t.GetProperty("fields").ValueKind == System.Text.Json.JsonValueKind.Array
                    ? t.GetProperty("fields").EnumerateArray().SelectMany(f => f.GetProperty("args").EnumerateArray()
                        .Where(a => string.IsNullOrEmpty(a.GetProperty("description").GetString()))
                        .Select(a =>
                            $"{name}.{f.GetProperty("name").GetString()}({a.GetProperty("name").GetString()})"))
                    : [];
                var inputs = t.GetProperty("inputFields").ValueKind == System.Text.Json.JsonValueKind.Array
                    ? t.GetProperty("inputFields").EnumerateArray()
                        .Where(f => string.IsNullOrEmpty(f.GetProperty("description").GetString()))
                        .Select(f => $"{name}.{f.GetProperty("name").GetString()}")
                    : [];
                return own.Concat(fields).Concat(args).Concat(inputs);
            })
            .ToList();
        Assert.Empty(missing);
    }
}
