using ProductQuality.Graph.Schema;

namespace ProductQuality.Graph.Tests.Style;

/// <summary>
/// Lines stay within 120 characters (.editorconfig's max_line_length), so code reads without sideways scrolling in a
/// review or a split editor. Generated migrations are exempt.
/// </summary>
public sealed class LineLengthTests
{
    private const int MaxLength = 120;

    [Fact]
    public void No_line_is_longer_than_120_characters()
    {
        var root = Path.GetDirectoryName(SchemaFiles.FindSchemaFolder(AppContext.BaseDirectory))!;
        var problems = LongLines(root).Take(50).Select(l => $"{l.File}:{l.Line}: {l.Length} characters").ToList();
        Assert.True(problems.Count == 0,
            $"Lines over {MaxLength} characters; wrap them (first {problems.Count}):\n" + string.Join("\n", problems));
    }

    private static IEnumerable<(string File, int Line, int Length)> LongLines(string root)
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

                var number = 0;
                foreach (var line in File.ReadLines(path))
                {
                    number++;
                    if (line.Length > MaxLength)
                    {
                        yield return (relative, number, line.Length);
                    }
                }
            }
        }
    }
}
