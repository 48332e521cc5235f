using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ProductQuality.Graph.Data;
using ProductQuality.Graph.Infrastructure;
using ProductQuality.Graph.Infrastructure.Clock;

namespace ProductQuality.Graph.Audit.Retention;

/// <summary>
/// Moves expired entries from the table to archive files, a batch at a time, each batch in one transaction: lock
/// (SQLite's write lock; on PostgreSQL also an advisory lock all archivers share, so one server archives at a time),
/// find where the archive ends, check the next entries chain on from there, write them to a new file made durable
/// (<see cref="DurableFile"/>), delete them, commit. A crash before the file has its name leaves only a
/// <c>.partial</c> file, removed by the next run; a crash after it, before the commit, leaves entries both archived
/// and in the table — the next run removes them once it sees the table agrees with the archive, and
/// <c>audit verify</c> accepts them meanwhile. Entries are archived as a prefix of the chain: up to the first entry
/// not yet expired, and no further than the head when the run began (so a run under load ends).
/// </summary>
public sealed class AccessLogArchiver(AccessLogStore store, IOptions<AccessLogOptions> options, BureauClock clock,
    TimeProvider time)
{
    /// <summary>The PostgreSQL advisory lock every archiver takes for each batch (any constant they share).</summary>
    public const long LockKey = 20261203;

    /// <summary>Entries recorded before this instant are expired: 00:00 China Standard Time, <c>Days</c> bureau
    /// days before today.</summary>
    public DateTime CutoffUtc(int days) =>
        new DateTimeOffset(clock.Today.AddDays(-days).ToDateTime(TimeOnly.MinValue), BureauClock.ChinaStandardTime)
            .UtcDateTime;

    /// <summary>Archives what the configured retention lets expire; see <see cref="RunAsync(DateTime, string?,
    /// Action{ArchiveProgress}?, CancellationToken)"/>.</summary>
    public Task<ArchiveRunSummary> RunAsync(Action<ArchiveProgress>? progress, CancellationToken cancellationToken) =>
        options.Value.Retention.Enabled
            ? RunAsync(CutoffUtc(options.Value.Retention.Days), null, progress, cancellationToken)
            : throw new InvalidOperationException("Retention is off (AccessLog:Retention:Days is 0).");

    /// <summary>Archives every entry recorded before <paramref name="cutoffUtc"/> (as a prefix of the chain).</summary>
    public async Task<ArchiveRunSummary> RunAsync(DateTime cutoffUtc, string? folder,
        Action<ArchiveProgress>? progress, CancellationToken cancellationToken)
    {
        var clockTime = Stopwatch.StartNew();
        folder ??= options.Value.Retention.Folder;
        CreateFolder(folder);
        var until = await UntilAsync(cutoffUtc, cancellationToken);
        var run = new Run(until, await ChainAsync(folder, cancellationToken));
        // Checked again in each batch's transaction (another archiver may claim the folder meanwhile); first here, so
        // a mark that cannot be read is found without holding the log's write lock while the read is given up.
        if (ArchiveOwner.Foreign(folder, run.Chain) is { } foreign)
        {
            throw new ArchiveException($"Not archiving: {foreign} Nothing was archived or removed.");
        }

        while (await BatchAsync(folder, run, cancellationToken) is { } written)
        {
            progress?.Invoke(written);
        }

        return new ArchiveRunSummary(cutoffUtc, run.Entries, run.Files, run.Bytes, run.FirstSeq, run.LastSeq,
            run.Recovered, clockTime.Elapsed);
    }

    /// <summary>
    /// The archive folder, made if missing. One that cannot be is said with the setting that names it and why: .NET's
    /// "Could not find a part of the path" or "Could not find file '/proc/…'" named neither (the docs probe).
    /// </summary>
    private static void CreateFolder(string folder)
    {
        try
        {
            Directory.CreateDirectory(folder);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            var why = e is UnauthorizedAccessException
                ? "this user may not create or write it"
                : SettingFiles.FileAlongThePath(folder) is { } file
                ? $"'{file}' on its path is a file, not a folder"
                : $"it cannot be made there ({e.Message.TrimEnd('.')})";
            throw new IOException($"The access log archive folder '{folder}' (AccessLog:Retention:Folder, or "
                + $"--archive) cannot be created: {why}. Name a folder this server may create and write.", e);
        }
    }

    private async Task<string> ChainAsync(string folder, CancellationToken cancellationToken)
    {
        await using var db = store.CreateContext();
        return await ArchiveOwner.ChainForArchivingAsync(db, folder, time, cancellationToken);
    }

    /// <summary>The last position to archive in this run.</summary>
    private async Task<long> UntilAsync(DateTime cutoffUtc, CancellationToken cancellationToken)
    {
        await using var db = store.CreateContext();
        var head = await db.AccessLogHeads.AsNoTracking().Select(h => h.Seq).SingleAsync(cancellationToken);
        var cutoff = DateTime.SpecifyKind(cutoffUtc, DateTimeKind.Utc);
        var firstKept = await db.AccessLog.Where(e => e.AtUtc >= cutoff).MinAsync(e => (long?)e.Seq,
            cancellationToken);
        return Math.Min(head, (firstKept ?? long.MaxValue) - 1);
    }

    /// <summary>One batch in one transaction; null when nothing (more) is due.</summary>
    private async Task<ArchiveProgress?> BatchAsync(string folder, Run run, CancellationToken cancellationToken)
    {
        await using var db = store.CreateContext();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({LockKey})", cancellationToken);
        }

        // Before anything is removed: another database's archiver may be writing its .partial file right now.
        if (ArchiveOwner.Foreign(folder, run.Chain) is { } foreign)
        {
            throw new ArchiveException($"Not archiving: {foreign} Nothing was archived or removed.");
        }

        RemovePartialFiles(folder);

        var (tailSeq, tailHash) = await ArchiveTail.ReadAsync(folder, cancellationToken);
        run.Recovered += await RemoveArchivedAsync(db, tailSeq, tailHash, cancellationToken);
        var entries = await db.AccessLog.AsNoTracking().Where(e => e.Seq > tailSeq && e.Seq <= run.Until)
            .OrderBy(e => e.Seq).Take(options.Value.Retention.BatchSize).ToListAsync(cancellationToken);
        if (entries.Count == 0)
        {
            await transaction.CommitAsync(cancellationToken);
            return null;
        }

        var (first, last) = (entries[0].Seq, entries[^1].Seq);
        await LoadCodesAsync(db, entries, cancellationToken);
        var walk = new ChainWalk(tailSeq, tailHash);
        foreach (var entry in entries)
        {
            if (walk.Step(entry, entry.Codes.Select(c => c.CreditCode)) is { } problem)
            {
                throw new ArchiveException($"Not archiving: {problem} Nothing was removed; run `audit verify`.");
            }
        }

        var path = Path.Combine(folder, ArchiveFile.NameFor(first, last));
        await ArchiveOwner.ClaimAsync(folder, run.Chain, cancellationToken);
        await DurableFile.WriteAsync(path, stream => entries.ForEach(e => ArchiveLine.Write(stream, e)),
            cancellationToken);
        await DeleteAsync(db, first, last, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        run.Expected ??= Math.Max(0, run.Until - tailSeq);
        run.Add(first, last, new FileInfo(path).Length);
        return new ArchiveProgress(Path.GetFileName(path), first, last, run.Entries, run.Expected.Value);
    }

    /// <summary>
    /// Entries an interrupted run archived but did not remove: removed now, if the table's copy of the archive's last
    /// entry is the archived one. A table that begins after the archive's end has lost entries: stop.
    /// </summary>
    private static async Task<long> RemoveArchivedAsync(ProductQualityDbContext db, long tailSeq, string tailHash,
        CancellationToken cancellationToken)
    {
        var tableFirst = await db.AccessLog.MinAsync(e => (long?)e.Seq, cancellationToken);
        if (tableFirst is not { } first || first == tailSeq + 1)
        {
            return 0;
        }

        if (first > tailSeq + 1)
        {
            throw new ArchiveException($"Entries {tailSeq + 1} to {first - 1} are in neither the archive (it ends at "
                + $"entry {tailSeq}) nor the table: nothing was archived; run `audit verify`.");
        }

        var stored = await db.AccessLog.Where(e => e.Seq == tailSeq).Select(e => e.Hash)
            .SingleOrDefaultAsync(cancellationToken);
        if (stored != tailHash)
        {
            throw new ArchiveException($"The archive's last entry ({tailSeq}) and the table's differ: nothing was "
                + "archived or removed; run `audit verify`.");
        }

        await DeleteAsync(db, first, tailSeq, cancellationToken);
        return tailSeq - first + 1;
    }

    private static async Task LoadCodesAsync(ProductQualityDbContext db, List<AccessLogEntry> entries,
        CancellationToken cancellationToken)
    {
        var (first, last) = (entries[0].Seq, entries[^1].Seq);
        var codes = (await db.AccessLogCodes.AsNoTracking().Where(c => c.EntrySeq >= first && c.EntrySeq <= last)
            .ToListAsync(cancellationToken)).ToLookup(c => c.EntrySeq);
        entries.ForEach(e => e.Codes = [.. codes[e.Seq]]);
    }

    private static async Task DeleteAsync(ProductQualityDbContext db, long first, long last,
        CancellationToken cancellationToken)
    {
        // The look-up by code first, found through the codes being removed (its key starts with the code).
        var codes = db.AccessLogCodes.Where(c => c.EntrySeq >= first && c.EntrySeq <= last);
        var removed = codes.Select(c => c.CreditCode);
        await db.AccessLogCodeIndex
            .Where(i => i.EntrySeq >= first && i.EntrySeq <= last && removed.Contains(i.CreditCode))
            .ExecuteDeleteAsync(cancellationToken);
        await db.AccessLogCountyIndex.Where(i => i.EntrySeq >= first && i.EntrySeq <= last)
            .ExecuteDeleteAsync(cancellationToken);
        await codes.ExecuteDeleteAsync(cancellationToken);
        await db.AccessLog.Where(e => e.Seq >= first && e.Seq <= last).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>Files a run left half written: their entries are still in the table. Only under the lock, so never
    /// another archiver's file in the making.</summary>
    private static void RemovePartialFiles(string folder)
    {
        foreach (var partial in Directory.EnumerateFiles(folder, "access-log-*" + ArchiveFile.PartialExtension))
        {
            File.Delete(partial);
        }
    }

    private sealed class Run(long until, string chain)
    {
        public long Until { get; } = until;

        /// <summary>This database's chain id, which the archive folder's mark must name.</summary>
        public string Chain { get; } = chain;

        public long Entries { get; private set; }

        public int Files { get; private set; }

        public long Bytes { get; private set; }

        public long? FirstSeq { get; private set; }

        public long? LastSeq { get; private set; }

        public long Recovered { get; set; }

        /// <summary>Entries due when the run's first batch began (for progress).</summary>
        public long? Expected { get; set; }

        public void Add(long first, long last, long bytes)
        {
            FirstSeq ??= first;
            LastSeq = last;
            Entries += last - first + 1;
            Files++;
            Bytes += bytes;
        }
    }
}
