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

    /// <summary>
    /// The longest line read: an entry of the most codes a request may return (100,000 bulk-check codes of some 21
    /// bytes as JSON) and its other fields fit with room to spare. Read unbounded, a link to /dev/zero grew without
    /// end (8.9 GB).
    /// </summary>
    public const int MaxLineBytes = 8 * 1024 * 1024;

    /// <summary>
    /// The file's lines, numbered from 1; <see cref="ArchiveFileException"/> for a file that is not a regular one or a
    /// line longer than <see cref="MaxLineBytes"/>.
    /// </summary>
    public async IAsyncEnumerable<(int Number, string Text)> LinesAsync(
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var stream = Open();
        var buffer = new byte[64 * 1024];
        var line = new MemoryStream();
        var number = 0;
        int read;
        while ((read = await stream.ReadAsync(buffer, cancellationToken)) > 0)
        {
            var start = 0;
            int end;
            while ((end = Array.IndexOf(buffer, (byte)'\n', start, read - start)) >= 0)
            {
                Append(line, buffer, start, end - start, number + 1);
                yield return (++number, Text(line));
                line.SetLength(0);
                start = end + 1;
            }

            Append(line, buffer, start, read - start, number + 1);
        }

        if (line.Length > 0)
        {
            yield return (++number, Text(line));
        }
    }

    /// <summary>
    /// Opened only when it is a regular file of some content. A FIFO or a device (or a link to one) reports no
    /// length: opening a FIFO waited for a writer forever, and the archiver's start hung with it. An archive file is
    /// never empty (written whole, then renamed), so an empty one is refused too.
    /// </summary>
    private FileStream Open()
    {
        long length;
        try
        {
            // A link's own length is its target's name: the target's is the one that counts.
            var info = new FileInfo(Path);
            info = info.LinkTarget is null ? info : info.ResolveLinkTarget(returnFinalTarget: true) as FileInfo;
            length = info is { Exists: true } ? info.Length : -1;
        }
        catch (IOException)
        {
            length = -1;
        }

        return length > 0
            ? new FileStream(Path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan)
            : throw new ArchiveFileException(length < 0
                ? $"{Name} cannot be read as a file (a link to nothing, or not a file): move it out of the archive "
                  + "folder and restore the archive file from a backup."
                : $"{Name} is empty or not a regular file (a FIFO, a device or a link to one): no archiver wrote "
                  + "it; move it out of the archive folder and restore the archive file from a backup.");
    }

    private void Append(MemoryStream line, byte[] buffer, int start, int count, int number)
    {
        if (line.Length + count > MaxLineBytes)
        {
            throw new ArchiveFileException($"Line {number} of {Name} is longer than {MaxLineBytes:N0} bytes, longer "
                + "than any entry: it is not an archive line (the file was altered or is not the archiver's).");
        }

        line.Write(buffer, start, count);
    }

    private static string Text(MemoryStream line) =>
        System.Text.Encoding.UTF8.GetString(line.GetBuffer(), 0, (int)line.Length);

    [GeneratedRegex(@"^access-log-(\d{12})-(\d{12})\.jsonl$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
