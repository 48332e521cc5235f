using System.Text.Json;
using System.Text.RegularExpressions;

namespace ProductQuality.Graph.Tests.Infrastructure;

/// <summary>
/// Every setting README.md names (<c>`Section:Key`</c>, <c>--Section:Key=…</c>, <c>Section__Key</c>) is one that
/// appsettings.example.json documents: a partner copying a misspelt name gets a start refused (or, under a section
/// the server does not own, nothing at all) instead of the behaviour the README promised.
/// </summary>
public sealed partial class ReadmeSettingsTests
{
    /// <summary>Names the README writes wrong on purpose.</summary>
    private static readonly HashSet<string> NotSettings = new(StringComparer.Ordinal)
    {
        "Section:Key",          // the pattern of a setting on the command line
        "Database:Provdier",    // the README's example of a misspelt key, refused at start
        "Databse:Provider",     // and of a misspelt section
    };

    /// <summary>ASP.NET Core's sections, which the server leaves to it.</summary>
    private static readonly HashSet<string> FrameworkSections = new(StringComparer.OrdinalIgnoreCase) { "Kestrel" };

    [Fact]
    public void Every_setting_the_README_names_is_in_the_example_file()
    {
        var exampleText = File.ReadAllText(Path.Combine(Readme.Root, "appsettings.example.json"));
        using var example = JsonDocument.Parse(exampleText,
            new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });

        var names = SettingNames(Readme.Text);
        var missing = names.Where(n => !Documented(example.RootElement, exampleText, n)).ToList();

        Assert.True(names.Count > 50, $"only {names.Count} setting names found: is the pattern still right?");
        Assert.True(missing.Count == 0, "not in appsettings.example.json: " + string.Join(", ", missing));
    }

    public static IReadOnlyList<string> SettingNames(string readme) =>
        Setting().Matches(readme).Select(m => m.Groups["name"].Value.Replace("__", ":", StringComparison.Ordinal))
            .Select(n => n.StartsWith("ASPNETCORE_", StringComparison.Ordinal) ? n["ASPNETCORE_".Length..] : n)
            .Where(n => n.Contains(':', StringComparison.Ordinal) && !NotSettings.Contains(n)
                && !FrameworkSections.Contains(n.Split(':')[0]))
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();

    /// <summary>
    /// The name's path is in the file; a placeholder (<c>&lt;id&gt;</c>, an index) or an empty object or list (keys
    /// of the operator's own, shown in a comment) takes any key. A section the file shows only in a comment (the
    /// access matrix's shape) counts when each of its keys is quoted there; a lower-case segment there is an id of
    /// the operator's (a department, a contract), as settings' keys are written in PascalCase.
    /// </summary>
    private static bool Documented(JsonElement root, string text, string name)
    {
        var segments = name.Split(':');
        if (!root.TryGetProperty(segments[0], out _) && !HasKey(root, segments[0]))
        {
            return false;
        }

        return Walk(root, segments) || segments.Skip(1).All(s => IsPlaceholder(s) || char.IsAsciiLetterLower(s[0])
            || text.Contains($"\"{s}\"", StringComparison.OrdinalIgnoreCase));
    }

    private static bool Walk(JsonElement node, ReadOnlySpan<string> segments)
    {
        if (segments.IsEmpty)
        {
            return true;
        }

        if (node.ValueKind is JsonValueKind.Object or JsonValueKind.Array && IsEmpty(node))
        {
            return true;
        }

        if (node.ValueKind != JsonValueKind.Object)
        {
            return false;
        }

        foreach (var property in node.EnumerateObject())
        {
            if ((IsPlaceholder(segments[0]) || string.Equals(property.Name, segments[0],
                    StringComparison.OrdinalIgnoreCase)) && Walk(property.Value, segments[1..]))
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasKey(JsonElement node, string key) =>
        node.EnumerateObject().Any(p => string.Equals(p.Name, key, StringComparison.OrdinalIgnoreCase));

    private static bool IsEmpty(JsonElement node) =>
        node.ValueKind == JsonValueKind.Object ? !node.EnumerateObject().Any() : node.GetArrayLength() == 0;

    private static bool IsPlaceholder(string segment) =>
        segment.StartsWith('<') || segment.All(char.IsAsciiDigit);

    // `Section:Key` in code spans, --Section:Key= on a command line, Section__Key in the environment; a key holds
    // letters, digits, '-', '.' and a placeholder's <…>.
    [GeneratedRegex(@"(?<![\w.:/-])(?:--)?(?<name>(?:ASPNETCORE_)?[A-Z][A-Za-z]+"
        + @"(?:(?::|__)(?:<[^>\s]+(?: [^>\s]+)?>|[\w.-]+))+)")]
    private static partial Regex Setting();
}
