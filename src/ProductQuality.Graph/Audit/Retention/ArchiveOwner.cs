using Microsoft.EntityFrameworkCore;
using ProductQuality.Graph.Data;
using ProductQuality.Graph.Infrastructure;

namespace ProductQuality.Graph.Audit.Retention;

/// <summary>
/// Which database's chain an archive folder holds, marked in a file beside the archive files. Every chain begins at
/// entry 1 after the same genesis, so the files of two databases — a folder two deployments were given, or one kept
/// from before the database was seeded again — read alike: <c>audit verify</c> called the mix a tampered chain, and
/// the archiver refused with "the archive's last entry and the table's differ". The mark names the database's chain:
/// a random id created with it (kept with the database's keys, so a restored copy keeps it and a new seed does not).
/// The archiver refuses a folder marked for another chain; verify does not read one. A database without an id yet
/// whose own first entry opens the folder's archive (restored from before its first run) takes the folder's id. A
/// folder without a mark (from a version before it) is taken on as it is, its files checked entry by entry as before.
/// </summary>
internal static class ArchiveOwner
{
    public const string MarkFile = "access-log-chain.id";
    private const string SecretName = "access-log-chain-id";
    private const int MaxMarkBytes = 1024;

    /// <summary>
    /// This database's chain id for archiving into <paramref name="folder"/>: the one it has; else the folder's, when
    /// the folder's archive begins with this database's own entries (a database restored from before its first run
    /// into that folder); else a new one.
    /// </summary>
    public static async Task<string> ChainForArchivingAsync(ProductQualityDbContext db, string folder,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await ExistingChainOfAsync(db, cancellationToken) is { } existing)
        {
            return existing;
        }

        var value = MarkOf(folder) is { } marked && await BeginsWithOursAsync(db, folder, cancellationToken)
            ? Convert.FromHexString(marked)
            : System.Security.Cryptography.RandomNumberGenerator.GetBytes(16);
        return Convert.ToHexStringLower(
            await DatabaseSecrets.GetOrAddAsync(db, SecretName, value, clock, cancellationToken));
    }

    /// <summary>
    /// This database's chain id as far as reading can tell (verify writes nothing): the one it has, else the folder's
    /// when its archive begins with this database's own entries; null otherwise.
    /// </summary>
    public static async Task<string?> ChainForVerifyingAsync(ProductQualityDbContext db, string folder,
        CancellationToken cancellationToken) =>
        await ExistingChainOfAsync(db, cancellationToken)
        ?? (MarkOf(folder) is { } marked && await BeginsWithOursAsync(db, folder, cancellationToken) ? marked : null);

    private static async Task<string?> ExistingChainOfAsync(ProductQualityDbContext db,
        CancellationToken cancellationToken) =>
        await db.DatabaseSecrets.AsNoTracking().Where(s => s.Name == SecretName).Select(s => s.Value)
            .FirstOrDefaultAsync(cancellationToken) is { } value ? Convert.ToHexStringLower(value) : null;

    /// <summary>Whether the archive's first entry is in this database's table, with the same hash.</summary>
    private static async Task<bool> BeginsWithOursAsync(ProductQualityDbContext db, string folder,
        CancellationToken cancellationToken)
    {
        if (ArchiveFile.In(folder) is not [var first, ..])
        {
            return false;
        }

        try
        {
            await foreach (var (_, text) in first.LinesAsync(cancellationToken))
            {
                if (ArchiveLine.Read(text, out _) is not { } entry)
                {
                    return false;
                }

                return await db.AccessLog.AnyAsync(e => e.Seq == entry.Seq && e.Hash == entry.Hash,
                    cancellationToken);
            }
        }
        catch (ArchiveFileException)
        {
            // Not readable: not shown to be ours.
        }

        return false;
    }

    /// <summary>
    /// Why the folder is not this chain's archive (its mark names another), or null when it is, is unmarked or
    /// does not exist.
    /// </summary>
    public static string? Foreign(string folder, string? chain)
    {
        var (marked, unreadable) = ReadMark(folder);
        if (unreadable is not null)
        {
            return $"The archive folder {folder} has a {MarkFile} that {unreadable}. Restore the file from a backup "
                + "(it names the database whose archive the folder holds).";
        }

        if (marked is not null && !IsChainId(marked))
        {
            return $"The archive folder {folder} has a {MarkFile} that names no chain ('{Quoted(marked)}'): it was "
                + "altered. Restore it from a backup (it names the database whose archive the folder holds).";
        }

        return marked is null || marked == chain
            ? null
            : $"The archive folder {folder} holds the access log archive of another database (its {MarkFile} names "
              + $"chain {Quoted(marked)}; this database's is {chain ?? "not set, as it never archived"}): a folder "
              + "given to two databases, or kept from before this database was seeded again. Give each database a "
              + "folder of its own (AccessLog:Retention:Folder), and keep that archive with its own database.";
    }

    /// <summary>
    /// Marks an unmarked folder as this chain's, durably, before the first file is written into it; refuses when
    /// another database's archiver marked it first. Two archivers claiming one new folder at once both saw it
    /// unmarked, wrote the same partial file and raced to rename it (an IOException for one, or the later mark
    /// replacing the earlier after its owner had checked it): the check and the write now run under the operating
    /// system's lock on a file beside the mark (<see cref="FileLock"/>).
    /// </summary>
    public static async Task ClaimAsync(string folder, string chain, CancellationToken cancellationToken)
    {
        await using (await LockAsync(Path.Combine(folder, MarkFile + ".lock"), cancellationToken))
        {
            if (MarkOf(folder) is null)
            {
                await DurableFile.WriteAsync(Path.Combine(folder, MarkFile),
                    stream => stream.Write(System.Text.Encoding.ASCII.GetBytes(chain + "\n")), cancellationToken);
            }
        }

        if (Foreign(folder, chain) is { } foreign)
        {
            throw new ArchiveException($"Not archiving: {foreign} Nothing was archived or removed.");
        }
    }

    /// <summary>How long an archiver waits for another's claim of the folder, which takes milliseconds.</summary>
    private static readonly TimeSpan ClaimWait = TimeSpan.FromSeconds(30);

    private static async Task<FileStream> LockAsync(string path, CancellationToken cancellationToken)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            if (FileLock.TryTake(path, FileShare.None, out var refused) is { } held)
            {
                return held;
            }

            if (waited.Elapsed >= ClaimWait)
            {
                throw new ArchiveException($"Not archiving: the archive folder {Path.GetDirectoryName(path)} is being "
                    + $"claimed by another process, whose lock ({MarkFile}.lock) was not let go within "
                    + $"{ClaimWait.TotalSeconds:0} s ({refused!.Message}). Nothing was archived or removed.");
            }

            // Held by another archiver claiming the folder: it takes milliseconds.
            await Task.Delay(20, cancellationToken);
        }
    }

    private static string? MarkOf(string folder) => ReadMark(folder).Mark;

    /// <summary>
    /// The folder's mark, or why it cannot be read. Bounded in size and in time (<see cref="SettingFiles.Read"/>): a
    /// FIFO in its place blocked the open for good, inside the archiver's transaction, and with it every commit of the
    /// access log — every request answered 503 (the files probe). Unreadable, it is no mark of this database.
    /// </summary>
    private static (string? Mark, string? Problem) ReadMark(string folder)
    {
        var path = Path.Combine(folder, MarkFile);
        if (!File.Exists(path))
        {
            return (null, null);
        }

        var (bytes, problem) = SettingFiles.Read(path, MaxMarkBytes, tooLong: null);
        return bytes is null ? (null, problem) : (System.Text.Encoding.UTF8.GetString(bytes).Trim(), null);
    }

    private static bool IsChainId(string text) => text.Length == 32 && text.All(char.IsAsciiHexDigitLower);

    private static string Quoted(string mark) => mark.Length <= 40 ? mark : mark[..40] + "…";
}
