using System.Globalization;
using System.Text.RegularExpressions;

namespace ProductQuality.Graph.Audit.Retention;

/// <summary>
/// One archive file: <c>access-log-&lt;first&gt;-&lt;last&gt;.jsonl</c>, the chain positions it holds (twelve
/// digits each, so the names sort in chain order). The name states the range, so a file cut short at a line
/// boundary — or a line removed from its end — is found too.
/// </summary>
public sealed partial record ArchiveFile(string Path, long First, long Last)
{
    public const string Extension = ".jsonl";

    /// <summary>Written under this name first, renamed once complete and on disk.</summary>
    public const string PartialExtension = ".partial";

    public string Name => System.IO.Path.GetFileName(Path);

    public static string NameFor(long first, long last) => string.Create(CultureInfo.InvariantCulture,
        $"access-log-{first:D12}-{last:D12}{Extension}");

    /// <summary>The archive files of a folder in chain order (other files are not the archive's and are ignored);
    /// none when the folder does not exist.</summary>
    public static IReadOnlyList<ArchiveFile> In(string folder)
    {
        if (!Directory.Exists(folder))
        {
            return [];
        }

        return [.. Directory.EnumerateFiles(folder, "access-log-*" + Extension)
            .Select(path => (path, match: Pattern().Match(System.IO.Path.GetFileName(path))))
            .Where(f => f.match.Success)
            .Select(f => new ArchiveFile(f.path, long.Parse(f.match.Groups[1].ValueSpan, CultureInfo.InvariantCulture),
                long.Parse(f.match.Groups[2].ValueSpan, CultureInfo.InvariantCulture)))
            .OrderBy(f => f.First).ThenBy(f => f.Last)];
    }

    /// <summary>The file's lines, numbered from 1.</summary>
    public async IAsyncEnumerable<(int Number, string Text)> LinesAsync(
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        using var reader = new StreamReader(Path, System.Text.Encoding.UTF8);
        var number = 0;
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            yield return (++number, line);
        }
    }

    [GeneratedRegex(@"^access-log-(\d{12})-(\d{12})\.jsonl$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
