using ProductQuality.Graph.Schema;

namespace ProductQuality.Graph.Tests.Style;

/// <summary>
/// Lines stay within 120 characters (.editorconfig's max_line_length), so code reads without sideways scrolling in a
/// review or a split editor. Older files that still have longer lines are listed with their count in
/// long-lines-baseline.txt: the count may only go down (a ratchet), and a file not listed may have none.
/// Generated migrations are exempt.
/// </summary>
public sealed class LineLengthTests
{
    private const int MaxLength = 120;
    private const string BaselineFile = "tests/ProductQuality.Graph.Tests/Style/long-lines-baseline.txt";

    [Fact]
    public void No_file_gains_lines_longer_than_120_characters()
    {
        var root = Path.GetDirectoryName(SchemaFiles.FindSchemaFolder(AppContext.BaseDirectory))!;
        var baseline = File.ReadAllLines(Path.Combine(root, BaselineFile))
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split(' ', 2))
            .ToDictionary(p => p[1], p => int.Parse(p[0], System.Globalization.CultureInfo.InvariantCulture));

        var problems = new List<string>();
        foreach (var (file, count) in LongLinesPerFile(root))
        {
            var allowed = baseline.GetValueOrDefault(file);
            if (count > allowed)
            {
                problems.Add($"{file}: {count} lines over {MaxLength} characters (allowed {allowed}); wrap them");
            }
            else if (count < allowed)
            {
                problems.Add(
                    $"{file}: now {count} long lines, the baseline says {allowed}: lower it in {BaselineFile}");
            }

            baseline.Remove(file);
        }

        problems.AddRange(baseline.Where(b => b.Value > 0).Select(b =>
            $"{b.Key}: no long lines left (or no such file): remove it from long-lines-baseline.txt"));
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    private static IEnumerable<(string File, int Count)> LongLinesPerFile(string root)
    {
        foreach (var top in new[] { "src", "tests", "bench" })
        {
            var folder = Path.Combine(root, top);
            if (!Directory.Exists(folder))
            {
                continue;
            }

            foreach (var path in Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories))
            {
                var relative = Path.GetRelativePath(root, path).Replace('\\', '/');
                if (new[] { "/bin/", "/obj/", "/Migrations/" }.Any(p => relative.Contains(p, StringComparison.Ordinal)))
                {
                    continue;
                }

                var count = File.ReadLines(path).Count(l => l.Length > MaxLength);
                if (count > 0)
                {
                    yield return (relative, count);
                }
            }
        }
    }
}
