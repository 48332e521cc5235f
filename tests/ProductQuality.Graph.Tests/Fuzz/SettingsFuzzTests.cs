using System.Globalization;
using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;
using ProductQuality.Graph.Infrastructure;
using ProductQuality.Graph.Schema;
using ProductQuality.Graph.Tests.Infrastructure;

namespace ProductQuality.Graph.Tests.Fuzz;

/// <summary>
/// Configuration is input too. Every setting the server reads (found by walking the options classes of every
/// section the composition records, so a new setting is fuzzed without being listed) gets seeded hostile values —
/// numbers at and past their type's range, words where numbers go, NaN, empty and 100,000-character text, NUL,
/// paths to devices and folders, another type's values — alone and several at once. The start either goes on or
/// stops with sentences an operator can act on (exit code 3 through <see cref="StartupFailure"/>): never another
/// exception, which the process would print as a stack trace.
/// </summary>
public sealed class SettingsFuzzTests(ITestOutputHelper output)
{
    private const int Cases = 600;

    private static readonly Dictionary<string, string[]> DictionaryKeys = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Access:Contracts"] = ["tax"],
        ["Access:Contracts:tax:Groups"] = ["Health", "Audit"],
        ["Access:Departments"] = ["tax", "samr-330481"],
        ["GraphQL:Limits:ListSizes"] = ["Query.products", "Enterprise.inspections"],
        ["Rules:RegionColour:Counties"] = ["330481"],
        ["Receipts:RetiredKeys"] = ["receipts-2025"],
    };

    [Fact]
    public async Task Any_value_of_any_setting_starts_the_server_or_stops_it_with_a_sentence()
    {
        var settings = Settings();
        Assert.True(settings.Count > 150, $"only {settings.Count} settings found");
        var random = new Random(20261205);
        var refusals = 0;
        for (var i = 0; i < Cases; i++)
        {
            var chosen = Enumerable.Range(0, i % 4 == 3 ? 3 : 1)
                .Select(_ => settings[random.Next(settings.Count)])
                .Select(s => (s.Path, Value: Value(random, s.Type))).ToList();
            var problem = await StartAsync(chosen);
            refusals += problem is null ? 0 : 1;
        }

        output.WriteLine($"{Cases} cases over {settings.Count} settings: {refusals} refused with sentences.");
        Assert.InRange(refusals, Cases / 4, Cases - 1);
    }

    private static async Task<string?> StartAsync(List<(string Path, string Value)> chosen)
    {
        var folder = Directory.CreateTempSubdirectory("pq-settings-fuzz-").FullName;
        try
        {
            var args = chosen.Select(c => $"--{c.Path}={c.Value}").ToArray();
            var builder = WebApplication.CreateBuilder(new WebApplicationOptions
            {
                Args = [.. Baseline(folder), .. args], ContentRootPath = folder, EnvironmentName = "Development",
            });
            Exception? error = null;
            try
            {
                builder.AddProductQualityServer();
                await using var app = builder.Build();
                app.ValidateSettings();
                _ = app.Services.GetRequiredService<SchemaRegistry>();
            }
            catch (Exception e)
            {
                error = e;
            }

            if (error is null)
            {
                return null;
            }

            var sentences = StartupFailure.Sentences(error);
            var settings = string.Join(" ", args);
            Assert.True(sentences is { Count: > 0 }, $"{settings} stopped the start with {error}");
            foreach (var sentence in sentences!)
            {
                Assert.True(!sentence.Contains("   at ", StringComparison.Ordinal)
                    && !sentence.Contains("Exception:", StringComparison.Ordinal)
                    && !sentence.Contains("System.", StringComparison.Ordinal) && sentence.Length < 4_000,
                    $"{settings}: {sentence}");
            }

            return sentences[0];
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    // What a developer's start has (the shipped settings, keys that need no file), in the case's own folder.
    private static string Shipped => Path.Combine(Directory.GetParent(SchemaFiles.FindSchemaFolder(
        AppContext.BaseDirectory)!)!.FullName, "src", "ProductQuality.Graph", "appsettings.json");

    private static string[] Baseline(string folder)
    {
        File.Copy(Shipped, Path.Combine(folder, "appsettings.json"));
        return
        [
            // Hundreds of builders: without this each watches its appsettings.json (an inotify instance, 128 at most).
            "--hostBuilder:reloadConfigOnChange=false",
            $"--Auth:SigningKey={TestServerFactory.TestSigningKey}",
            $"--Access:EnterpriseTokens:SigningKey={TestServerFactory.TestEnterpriseKey}",
            $"--Database:ConnectionString=Data Source={Path.Combine(folder, "pq.db")}",
            $"--Receipts:DevelopmentKeyFile={Path.Combine(folder, "receipt-key")}",
            $"--AccessLog:Retention:Folder={Path.Combine(folder, "archive")}",
        ];
    }

    private static List<(string Path, Type Type)> Settings()
    {
        var folder = Directory.CreateTempSubdirectory("pq-settings-fuzz-").FullName;
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = Baseline(folder), ContentRootPath = folder, EnvironmentName = "Development",
        });
        builder.AddProductQualityServer();
        Directory.Delete(folder, recursive: true);
        var leaves = UnknownSettings.Sections(builder)
            .SelectMany(s => Leaves(s.Key, s.Value, 0)).ToList();
        leaves.Add(("Logging:LogLevel:Default", typeof(string)));
        return [.. leaves.DistinctBy(l => l.Path, StringComparer.OrdinalIgnoreCase).OrderBy(l => l.Path)];
    }

    private static IEnumerable<(string Path, Type Type)> Leaves(string path, Type type, int depth)
    {
        var leaf = Nullable.GetUnderlyingType(type) ?? type;
        if (depth > 6)
        {
            yield break;
        }

        if (SettingValues.IsLeaf(leaf))
        {
            yield return (path, leaf);
        }
        else if (leaf.IsGenericType && leaf.GetGenericTypeDefinition() == typeof(Dictionary<,>))
        {
            foreach (var key in DictionaryKeys.GetValueOrDefault(path, ["x"]))
            {
                foreach (var inner in Leaves($"{path}:{key}", leaf.GetGenericArguments()[1], depth + 1))
                {
                    yield return inner;
                }
            }
        }
        else if (leaf.IsArray || (leaf.IsGenericType && leaf.GetGenericTypeDefinition() == typeof(List<>)))
        {
            var item = leaf.IsArray ? leaf.GetElementType()! : leaf.GetGenericArguments()[0];
            foreach (var inner in Leaves($"{path}:0", item, depth + 1))
            {
                yield return inner;
            }
        }
        else if (leaf.IsClass)
        {
            foreach (var property in leaf.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Where(p => p.GetIndexParameters().Length == 0))
            {
                foreach (var inner in Leaves($"{path}:{property.Name}", property.PropertyType, depth + 1))
                {
                    yield return inner;
                }
            }
        }
    }

    private static readonly string[] Numbers =
    [
        "0", "-1", "1", "2", "7", "60", "100", "1000", "2147483647", "2147483648", "-2147483649",
        "99999999999999999999", "1.5", " 7 ", "7e3", "0x10", "+3", "١٢", "", " ",
    ];

    private static readonly string[] Decimals =
        ["0", "-0", "0.5", "1", "100", "1e308", "1e309", "NaN", "Infinity", "-Infinity", "1,5", "0.0000001", "-5"];

    private static readonly string[] Texts =
    [
        "", " ", "x", "*", "/", "//", "/graphql", "/metrics", "..", "../../etc/passwd", "/dev/zero", "/dev/null",
        "/tmp", "data", "C:\\data", "http://", "https://id.example.gov.cn", "ftp://x", "http://[::1]:99999",
        "日本語の名前", "a\nb", "%s{0}", "Data Source=:memory:", "Host=;Port=x", "\u0001\u007f", "tax",
        "2026-11-28", "10.0.0.0/8", "10.0.0.0/33", "Full", "Hidden", "None", "Json",
    ];

    private static readonly string[] Dates =
        ["2026-11-28", "2026-02-30", "0001-01-01", "9999-12-31", "today", "2026-11-28T08:00:00Z", "", "28/11/2026"];

    private static readonly string[] Times =
        ["03:00:00", "24:00:00", "-01:00:00", "23:59:59.9999999", "00:00:00", "3", "noon", ""];

    private static string Value(Random random, Type type)
    {
        // One in five takes another type's value: a word where a number goes, a path where a switch goes.
        if (random.Next(5) == 0)
        {
            type = new[] { typeof(int), typeof(double), typeof(bool), typeof(string), typeof(DateOnly) }[
                random.Next(5)];
        }

        if (random.Next(40) == 0)
        {
            return new string('长', 100_000);
        }

        string[] pool = type switch
        {
            _ when type == typeof(int) || type == typeof(long) || type == typeof(short) => Numbers,
            _ when type == typeof(double) || type == typeof(float) || type == typeof(decimal) => Decimals,
            _ when type == typeof(bool) => ["true", "FALSE", "yes", "1", "", " true "],
            _ when type.IsEnum => [.. Enum.GetNames(type), .. Enum.GetNames(type).Select(n => n.ToLowerInvariant()),
                "7", "", "Both"],
            _ when type == typeof(DateOnly) || type == typeof(DateTime) => Dates,
            _ when type == typeof(TimeOnly) || type == typeof(TimeSpan) => Times,
            _ => Texts,
        };
        var value = pool[random.Next(pool.Length)];
        return random.Next(10) == 0 ? value + random.Next(100).ToString(CultureInfo.InvariantCulture) : value;
    }
}
