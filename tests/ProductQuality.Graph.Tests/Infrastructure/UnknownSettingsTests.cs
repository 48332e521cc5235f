using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using ProductQuality.Graph.Infrastructure;
using ProductQuality.Graph.Schema;

namespace ProductQuality.Graph.Tests.Infrastructure;

/// <summary>
/// A key the server does not read stops the start (cases in <see cref="BadSettingsTests"/>). These guard the other
/// side: every setting the documentation names, and every one the shipped file sets, is known — a check that refused
/// a real setting would stop every server.
/// </summary>
public sealed class UnknownSettingsTests
{
    [Fact]
    public void The_example_file_and_the_shipped_settings_name_only_known_settings()
    {
        var root = Directory.GetParent(SchemaFiles.FindSchemaFolder(AppContext.BaseDirectory)!)!.FullName;
        using var content = new TemporaryFolder();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = content.Path });
        builder.Configuration
            .AddJsonFile(Path.Combine(root, "src", "ProductQuality.Graph", "appsettings.json"))
            .AddJsonFile(Path.Combine(root, "appsettings.example.json"));
        // What the example shows in comments, set as an operator would.
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Rules:RegionColour:Counties:330481:MinEnterprisesForTown"] = "8",
            ["Rules:Supervision:Exclusions:0:Name"] = "E-bike campaign",
            ["Access:Departments:finance:Limits:MaxCost"] = "100000",
            ["Receipts:RetiredKeys:receipts-2026"] = "-----BEGIN PUBLIC KEY-----",
            ["Logging:Console:FormatterName"] = "json",
            ["Kestrel:Limits:MaxConcurrentConnections"] = "100",
            // Other programs' sections spelled like ours, holding none of our settings: not misspellings.
            ["Auth0:Domain"] = "example.auth0.com",
            ["Roles:Admin"] = "ops",
            ["Maps:ApiKey"] = "k",
            ["GraphiQL:Enabled"] = "true",
        });

        var error = Record.Exception(() => builder.AddProductQualityServer());

        Assert.Null(error);
    }

    [Fact]
    public async Task A_misspelled_environment_variable_stops_the_start()
    {
        using var process = new VerbProcess { Timeout = TimeSpan.FromSeconds(90) };
        process.Environment["Database__Provdier"] = "Postgres";

        var (code, _, error) = await process.RunAsync("token", "--department", "tax");

        Assert.True(code == 3, $"exit {code}: {error}");
        Assert.StartsWith("Setting Database:Provdier is not known (did you mean Database:Provider?)", error,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Sections_of_the_framework_and_other_programs_are_left_alone()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Kestrel:Endpoints:Http:Url"] = "http://0.0.0.0:8080",
            ["Logging:Console:FormatterName"] = "json",
            ["TMP"] = "/tmp",
            ["Maps"] = "a value, not a section: an environment variable",
            ["Serilog:MinimumLevel"] = "Information",
        }).Build();
        var sections = new Dictionary<string, Type>(StringComparer.OrdinalIgnoreCase)
        {
            ["Map"] = typeof(Graph.Explorer.Map.MapOptions),
            ["Logging"] = typeof(Graph.Operations.Logging.LogFormatOptions),
        };

        Assert.Empty(UnknownSettings.Find(configuration, sections));
    }

    private sealed class TemporaryFolder : IDisposable
    {
        public string Path { get; } = Directory.CreateTempSubdirectory("pq-settings-").FullName;

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}
