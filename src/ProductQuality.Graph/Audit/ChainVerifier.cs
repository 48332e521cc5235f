using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ProductQuality.Graph.Audit.Retention;
using ProductQuality.Graph.Data;

namespace ProductQuality.Graph.Audit;

/// <summary>
/// Walks the chain from the first entry to the head — first through the archive files (<see cref="ArchiveWalk"/>),
/// then the table a page at a time — and reports the first broken link: a position missing (an entry deleted, an
/// archive file removed, a gap between the archive and the table), a previous hash that is not the hash before it
/// (entries deleted, inserted or reordered), a hash that does not match the content (an entry altered), or a head
/// that is not the last entry (entries removed from the end). The stored hashes are never trusted: each is
/// recomputed. Entries both archived and still in the table (a run interrupted before its delete) must agree.
/// </summary>
public sealed class ChainVerifier(AccessLogStore store, IOptions<AccessLogOptions> options)
{
    private const int PageSize = 2_000;

    /// <summary>
    /// Called once the head is read, before the walk: the tests append here, as a running server does.
    /// </summary>
    internal Func<CancellationToken, Task>? HeadRead { get; init; }

    /// <summary>
    /// Verifies archive and table up to the head as it is when the walk begins (one snapshot: see
    /// <see cref="ChainSnapshot"/>); <paramref name="archiveFolder"/> defaults to the configured one. A long walk
    /// tells <paramref name="progress"/> how many entries it has walked and how many the head says there are.
    /// </summary>
    public async Task<ChainVerification> VerifyAsync(string? archiveFolder = null,
        Action<ChainProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        await using var db = store.CreateContext();
        var snapshot = await ChainSnapshot.BeginAsync(db, cancellationToken);
        ChainVerification verification;
        try
        {
            verification = await WalkAsync(db, archiveFolder ?? options.Value.Retention.Folder, progress,
                cancellationToken);
        }
        finally
        {
            await ChainSnapshot.EndAsync(db, snapshot);
        }

        // Appended while the walk ran, after its snapshot: not verified now, the next walk takes them.
        var headSeq = verification.HeadSeq;
        return verification with
        {
            Newer = await db.AccessLog.LongCountAsync(e => e.Seq > headSeq, cancellationToken),
        };
    }

    private async Task<ChainVerification> WalkAsync(ProductQualityDbContext db, string folder,
        Action<ChainProgress>? progress, CancellationToken cancellationToken)
    {
        if (await db.AccessLogHeads.AsNoTracking()
                .SingleOrDefaultAsync(h => h.Id == AccessLogHead.SingleId, cancellationToken) is not { } head)
        {
            var last = await db.AccessLog.MaxAsync(e => (long?)e.Seq, cancellationToken) ?? 0;
            return ChainVerification.Broken(last, "The chain's head (the row of AccessLogHeads) is missing: it was "
                + $"deleted, so nothing states where the chain ends (the table's last entry is {last}) and the server "
                + "cannot append. Restore it from a backup, or compare with a checkpoint.", 0, 0, "") with
            {
                BrokenIn = "head",
            };
        }

        if (HeadRead is not null)
        {
            await HeadRead(cancellationToken);
        }

        var tableFirst = await db.AccessLog.MinAsync(e => (long?)e.Seq, cancellationToken) ?? long.MaxValue;
        // Another database's archive is not read: its files would read as this chain rewritten.
        var foreign = ArchiveOwner.Foreign(folder,
            await ArchiveOwner.ChainForVerifyingAsync(db, folder, cancellationToken));
        var archive = new ArchiveWalk(foreign is null ? folder : null, tableFirst);
        var walk = new ChainWalk { Progress = progress is null ? null : n => progress(new(n, head.Seq)) };
        var archived = 0L;
        ChainVerification Broken(long seq, string where, string problem) =>
            ChainVerification.Broken(seq, problem, walk.Count, head.Seq, head.Hash) with
            {
                BrokenIn = where, Archived = archived, ArchiveFiles = archive.Files, ArchiveNotRead = foreign,
            };

        var broken = await archive.WalkAsync(walk, cancellationToken);
        archived = walk.Count;
        if (broken is not null)
        {
            return Broken(broken.Seq, broken.Where, broken.Problem);
        }

        if (tableFirst != long.MaxValue && tableFirst > walk.Seq + 1)
        {
            return Broken(walk.Seq + 1, "table", Gap(walk.Seq, tableFirst, archive.Files, folder));
        }

        // Every entry archived, the table empty (the state right after a retention run on a quiet system): entries
        // the archive does not hold are the same gap, most likely an archive folder not given. It read as the head
        // altered: "entries after 0 were removed" (the operations probe).
        if (tableFirst == long.MaxValue && head.Seq > walk.Seq)
        {
            return Broken(walk.Seq + 1, "table", Gap(walk.Seq, head.Seq + 1, archive.Files, folder, tableEmpty: true));
        }

        var after = tableFirst == long.MaxValue ? walk.Seq : tableFirst - 1;
        while (true)
        {
            var (page, unreadable) = await StoredEntries.PageAsync(db, after, head.Seq, PageSize, cancellationToken);
            if (page.Count == 0 && unreadable is null)
            {
                break;
            }

            // An unreadable entry ends the page: the entries before it are walked first (an earlier break comes first).
            var (first, last) = page.Count == 0 ? (0, 0) : (page[0].Seq, page[^1].Seq);
            var codes = (await db.AccessLogCodes.AsNoTracking()
                    .Where(c => c.EntrySeq >= first && c.EntrySeq <= last)
                    .Select(c => new { c.EntrySeq, c.CreditCode }).ToListAsync(cancellationToken))
                .ToLookup(c => c.EntrySeq, c => c.CreditCode);
            foreach (var entry in page)
            {
                var problem = entry.Seq <= walk.Seq
                    ? Disagreement(entry, [.. codes[entry.Seq]], archive.Kept)
                    : walk.Step(entry, codes[entry.Seq]);
                if (problem is not null)
                {
                    return Broken(entry.Seq <= walk.Seq ? entry.Seq : walk.BrokenAt(entry), "table", problem);
                }
            }

            if (unreadable is { } at)
            {
                return Broken(at.Seq, "table", at.Problem);
            }

            after = last;
        }

        if (head.Seq != walk.Seq || head.Hash != walk.Hash)
        {
            return Broken(walk.Seq + 1, "head", head.Seq > walk.Seq
                ? $"The head says the chain ends at entry {head.Seq}, but it ends at entry {walk.Seq}: entries after "
                  + $"{walk.Seq} were removed."
                : $"The head (entry {head.Seq}) is not the last entry ({walk.Seq}) or its hash differs: the head was "
                  + "altered.");
        }

        // In one snapshot the head is the last entry; one beyond it means the head was moved back over it.
        if (await db.AccessLog.MaxAsync(e => (long?)e.Seq, cancellationToken) is { } end && end > head.Seq)
        {
            return Broken(head.Seq + 1, "head", $"The head says the chain ends at entry {head.Seq}, but "
                + (end == head.Seq + 1 ? $"entry {end} follows it" : $"entries {head.Seq + 1} to {end} follow it")
                + ": the head was moved back.");
        }

        if (await CodeIndex.CodeIndexCheck.FirstDifferenceAsync(db, tableFirst, head.Seq, cancellationToken)
            is { } index)
        {
            return Broken(index.Seq, "code index", index.Problem);
        }

        return new ChainVerification(true, walk.Count, head.Seq, head.Hash, null, null)
        {
            Archived = archived, ArchiveFiles = archive.Files, ArchiveNotRead = foreign,
        };
    }

    /// <summary>An entry still in the table that the archive holds too must be the same entry.</summary>
    private static string? Disagreement(AccessLogEntry entry, List<string> codes, Dictionary<long, string> archived) =>
        archived.TryGetValue(entry.Seq, out var hash) && hash == entry.Hash && ChainWalk.Matches(entry, codes)
            ? null
            : $"Entry {entry.Seq} is in both the archive and the table (an archive run was interrupted before "
              + "removing it), but they differ: the table's copy was altered.";

    // The folder read is named: "a folder not given" was said when one was given, and hid the default searched.
    private static string Gap(long archivedUpTo, long tableFirst, int files, string folder, bool tableEmpty = false) =>
        files == 0
            ? $"{Entries(1, tableFirst - 1)} not in the table{(tableEmpty ? " (it is empty)" : "")} and no archive "
              + $"file holds them: the archive folder read, {folder}, "
              + (Directory.Exists(folder) ? "holds no archive file" : "does not exist")
              + ". They were removed, or archived to another folder: name it with --archive DIR or "
              + "AccessLog:Retention:Folder."
            : $"{Entries(archivedUpTo + 1, tableFirst - 1)} missing: the archive ends at entry {archivedUpTo} and "
              + (tableEmpty ? "the table is empty" : $"the table begins at entry {tableFirst}")
              + "; an archive file or entries were removed.";

    /// <summary>"Entry 5 is" or "Entries 5 to 9 are".</summary>
    internal static string Entries(long first, long last) =>
        first == last ? $"Entry {first} is" : $"Entries {first} to {last} are";
}

/// <summary>How far a chain walk is: entries walked, of the head's position (archived entries included).</summary>
public sealed record ChainProgress(long Walked, long Head);
