namespace ProductQuality.Graph.Audit.Retention;

/// <summary>
/// Walks the archive files in chain order: every file must begin where the one before ended, hold exactly the
/// entries its name states, line after line, each a complete entry that follows the one before and matches its hash.
/// The first problem is named with its place (file and line). It remembers the hashes of the entries from
/// <paramref name="keepFrom"/> on: entries archived but not yet removed from the table (a run interrupted between
/// writing a file and deleting its entries), which must be the same in both.
/// </summary>
/// <param name="folder">The archive folder; null walks none (the folder is another database's).</param>
public sealed class ArchiveWalk(string? folder, long keepFrom)
{
    public Dictionary<long, string> Kept { get; } = [];

    public int Files { get; private set; }

    /// <summary>Walks the archive with <paramref name="walk"/>; null when intact, else the first broken link.</summary>
    public async Task<ArchiveBreak?> WalkAsync(ChainWalk walk, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(walk);
        foreach (var file in folder is null ? [] : ArchiveFile.In(folder))
        {
            Files++;
            if (file.First != walk.Seq + 1 || file.Last < file.First)
            {
                return new ArchiveBreak(walk.Seq + 1, file.Name, FileProblem(file, walk.Seq));
            }

            try
            {
                if (await WalkFileAsync(file, walk, cancellationToken) is { } broken)
                {
                    return broken;
                }
            }
            catch (ArchiveFileException e)
            {
                return new ArchiveBreak(walk.Seq + 1, file.Name, e.Message);
            }

            if (walk.Seq != file.Last)
            {
                return new ArchiveBreak(walk.Seq + 1, file.Name, $"{file.Name} should hold entries {file.First} to "
                    + $"{file.Last} but ends at entry {walk.Seq}: it was cut short or lines were removed from its "
                    + "end.");
            }
        }

        return null;
    }

    private async Task<ArchiveBreak?> WalkFileAsync(ArchiveFile file, ChainWalk walk,
        CancellationToken cancellationToken)
    {
        await foreach (var (number, text) in file.LinesAsync(cancellationToken))
        {
            var at = $"{file.Name} line {number}";
            if (ArchiveLine.Read(text, out var damage) is not { } entry)
            {
                return new ArchiveBreak(walk.Seq + 1, at, $"Line {number} of {file.Name}: {damage}.");
            }

            if (entry.Seq > file.Last)
            {
                return new ArchiveBreak(entry.Seq, at, $"{file.Name} holds entry {entry.Seq}, beyond the "
                    + $"entries {file.First} to {file.Last} its name states: lines were added or moved.");
            }

            if (walk.Step(entry, entry.Codes.Select(c => c.CreditCode)) is { } problem)
            {
                return new ArchiveBreak(walk.BrokenAt(entry), at, problem);
            }

            if (entry.Seq >= keepFrom)
            {
                Kept[entry.Seq] = entry.Hash;
            }
        }

        return null;
    }

    private static string FileProblem(ArchiveFile file, long walked) =>
        file.Last < file.First ? $"{file.Name} states no entries (its range runs backwards): it was renamed."
        : file.First > walked + 1
            ? $"{ChainVerifier.Entries(walked + 1, file.First - 1)} missing from the archive: no file holds them "
              + $"(the next file, {file.Name}, begins at entry {file.First}); an archive file was removed."
            : $"{file.Name} begins at entry {file.First}, which an earlier archive file already holds: files overlap "
              + "(a copy or a renamed file).";
}

/// <summary>The first broken link found in the archive: the position, where (file, line) and what is wrong.</summary>
public sealed record ArchiveBreak(long Seq, string Where, string Problem);
