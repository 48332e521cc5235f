using System.Text.RegularExpressions;
using ProductQuality.Graph.Schema;

namespace ProductQuality.Graph.Tests.Infrastructure;

/// <summary>
/// The repository's README.md as a partner reads it: its text and its fenced code blocks, each with the line it
/// starts on (so a failure names the example) and the contract an HTML comment just above it names
/// (<c>&lt;!-- contract: project-approval --&gt;</c>; none: the city regulator's).
/// </summary>
public static partial class Readme
{
    public static string Root { get; } =
        Directory.GetParent(SchemaFiles.FindSchemaFolder(AppContext.BaseDirectory)!)!.FullName;

    public static string Text => File.ReadAllText(Path.Combine(Root, "README.md"));

    public static IReadOnlyList<CodeBlock> Blocks(string language)
    {
        var lines = Text.ReplaceLineEndings("\n").Split('\n');
        var blocks = new List<CodeBlock>();
        for (var i = 0; i < lines.Length; i++)
        {
            if (!lines[i].StartsWith("```", StringComparison.Ordinal))
            {
                continue;
            }

            var end = Array.FindIndex(lines, i + 1, l => l.StartsWith("```", StringComparison.Ordinal));
            if (lines[i][3..].Trim() == language)
            {
                var contract = i > 0 ? ContractComment().Match(lines[i - 1]) : Match.Empty;
                blocks.Add(new CodeBlock(i + 1, string.Join('\n', lines[(i + 1)..end]),
                    contract.Success ? contract.Groups[1].Value : null));
            }

            i = end;
        }

        return blocks;
    }

    [GeneratedRegex(@"^<!-- contract: ([a-z-]+) -->$")]
    private static partial Regex ContractComment();
}

/// <summary>A fenced block of README.md: the line of its opening fence, its text, the contract it is for.</summary>
public sealed record CodeBlock(int Line, string Text, string? Contract)
{
    public override string ToString() => $"README.md line {Line}";
}
