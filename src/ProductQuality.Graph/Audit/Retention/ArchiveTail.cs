namespace ProductQuality.Graph.Audit.Retention;

/// <summary>
/// Where the archive ends: the last file's last entry, after checking that file is whole (its lines chain and it
/// holds exactly the range its name states). The archiver continues the chain from here; a damaged last file stops
/// it rather than be built on.
/// </summary>
internal static class ArchiveTail
{
    public static async Task<(long Seq, string Hash)> ReadAsync(string folder, CancellationToken cancellationToken)
    {
        var files = ArchiveFile.In(folder);
        if (files.Count == 0)
        {
            return (0, AccessChain.Genesis);
        }

        var file = files[^1];
        ChainWalk? walk = null;
        try
        {
            await foreach (var (number, text) in file.LinesAsync(cancellationToken))
            {
                if (ArchiveLine.Read(text, out var damage) is not { } entry)
                {
                    throw Damaged(file, $"line {number}: {damage}");
                }

                walk ??= new ChainWalk(entry.Seq - 1, entry.PreviousHash);
                if (walk.Step(entry, entry.Codes.Select(c => c.CreditCode)) is { } problem)
                {
                    throw Damaged(file, $"line {number}: {problem}");
                }
            }
        }
        catch (ArchiveFileException e)
        {
            // A FIFO waited for a writer forever and the archiver's run with it; a link to /dev/zero filled memory.
            throw Damaged(file, e.Message.TrimEnd('.'));
        }

        return walk is not null && walk.Seq == file.Last && walk.Count == file.Last - file.First + 1
            ? (walk.Seq, walk.Hash)
            : throw Damaged(file, $"it should hold entries {file.First} to {file.Last} but does not");
    }

    private static ArchiveException Damaged(ArchiveFile file, string problem) =>
        new($"The last archive file, {file.Name}, is damaged ({problem}). Nothing was archived or removed: restore "
            + "the file from a backup and run `audit verify` to see the whole chain.");
}
