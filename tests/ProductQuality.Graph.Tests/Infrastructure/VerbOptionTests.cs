using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using ProductQuality.Graph.Infrastructure;
using ProductQuality.Graph.Schema;

namespace ProductQuality.Graph.Tests.Infrastructure;

/// <summary>
/// On a command line, '--name=value' without a section is a setting only when the host or the server reads that key;
/// any other is a misspelt option, refused (cases in <see cref="VerbFailureTests"/>): 'audit verify
/// --checkpont=head.json' was taken for a setting nobody reads and reported the chain intact. These guard the other
/// side: a key the host or the server reads is never refused as an option, whichever verb it is given to.
/// </summary>
public sealed class VerbOptionTests
{
    private static readonly string[][] Verbs = [["serve"], ["recompute"], ["token", "--department", "tax"],
        ["audit", "verify"], ["schema", "export"]];

    [Fact]
    public void Every_top_level_key_the_server_reads_may_be_given_as_name_value()
    {
        var root = Directory.GetParent(SchemaFiles.FindSchemaFolder(AppContext.BaseDirectory)!)!.FullName;
        var example = Path.Combine(root, "appsettings.example.json");
        var content = Directory.CreateTempSubdirectory("pq-verb-options-");
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = content.FullName });
        builder.Configuration.AddJsonFile(Path.Combine(root, "src", "ProductQuality.Graph", "appsettings.json"))
            .AddJsonFile(example);
        builder.AddProductQualityServer();
        content.Delete(recursive: true);

        // What the example file sets at the top (urls, AllowedHosts, the sections) and every section the server
        // reads: a section added later and not known to the command line would be refused here.
        var keys = new ConfigurationBuilder().AddJsonFile(example).Build().GetChildren().Select(c => c.Key)
            .Concat(UnknownSettings.Sections(builder).Keys.Select(k => k.Split(':')[0]))
            .Concat(["environment", "contentRoot", "applicationName", "http_ports", "https_ports", "Kestrel"])
            .Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        Assert.Contains("Rules", keys);
        foreach (var key in keys)
        {
            foreach (var verb in Verbs)
            {
                Assert.Null(CommandLine.OptionProblem(verb[0], [.. verb[1..], $"--{key}=x"]));
            }
        }
    }

    [Theory]
    [InlineData("--URLS=http://127.0.0.1:0")]
    [InlineData("--allowedhosts=localhost")]
    public void Keys_are_known_without_regard_to_case_as_configuration_reads_them(string setting) =>
        Assert.Null(CommandLine.OptionProblem("report", [setting]));

    [Fact]
    public async Task A_verb_given_the_hosts_own_settings_runs()
    {
        using var verb = new VerbProcess { Timeout = TimeSpan.FromSeconds(60) };
        var (code, output, error) = await verb.RunAsync("token", "--department", "tax", "--urls=http://127.0.0.1:0",
            "--AllowedHosts=localhost", "--environment=Production", $"--contentRoot={verb.Folder}");
        Assert.True(code == 0, $"exit {code}: {error}");
        Assert.NotEmpty(output.Trim());
    }
}
