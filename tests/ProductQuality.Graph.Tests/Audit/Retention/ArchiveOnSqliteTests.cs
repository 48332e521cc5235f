using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ProductQuality.Graph.Audit;
using ProductQuality.Graph.Audit.CodeIndex;
using ProductQuality.Graph.Audit.Retention;

namespace ProductQuality.Graph.Tests.Audit.Retention;

/// <summary>
/// Retention over a real SQLite file: expired entries go to JSON-lines files in chain order and leave the table;
/// <c>audit verify</c> walks archive then table as one chain and names the first broken link wherever it is; archiving
/// again changes nothing; a run interrupted between writing a file and deleting its entries is completed by the next.
/// </summary>
[Collection(AccessLogServerCollection.Name)]
public sealed class ArchiveOnSqliteTests(AccessLogServerFactory factory)
{
    [Fact]
    public async Task The_archive_verb_moves_expired_entries_to_files_and_verify_spans_archive_and_table()
    {
        using var lab = NewLab();
        await lab.AppendAsync(12);
        var checkpoint = Path.Combine(lab.Folder, "checkpoint.json");
        var signed = await lab.RunVerbAsync("audit", "checkpoint", "--out", checkpoint);
        Assert.True(signed.ExitCode == 0, signed.Error);
        await lab.AppendAsync(18);

        var archived = await lab.RunVerbAsync("audit", "archive");
        Assert.True(archived.ExitCode == 0, archived.Error);
        var summary = JsonDocument.Parse(archived.Out).RootElement;
        Assert.Equal(ArchiveLab.Expired, summary.GetProperty("archived").GetInt64());
        Assert.Equal(4, summary.GetProperty("files").GetInt32());
        Assert.Contains("archived entries 13 to 15 to access-log-000000000013-000000000015.jsonl (15 of 15)",
            archived.Error, StringComparison.Ordinal);
        Assert.Equal(["access-log-000000000001-000000000004.jsonl", "access-log-000000000005-000000000008.jsonl",
            "access-log-000000000009-000000000012.jsonl", "access-log-000000000013-000000000015.jsonl"],
            lab.Files.Select(f => f.Name));
        Assert.Equal(ArchiveLab.Expired + 1, lab.TableFirst());

        // The checkpoint signed entry 12, now archived: it still holds, and the chain runs through both.
        var verified = await lab.RunVerbAsync("audit", "verify", "--checkpoint", checkpoint);
        Assert.True(verified.ExitCode == 0, verified.Out + verified.Error);
        var report = JsonDocument.Parse(verified.Out).RootElement;
        Assert.Equal((30, 15, 4), (report.GetProperty("entries").GetInt64(), report.GetProperty("archived")
            .GetInt64(), report.GetProperty("archiveFiles").GetInt32()));
        Assert.True(report.GetProperty("checkpoint").GetProperty("held").GetBoolean());

        // Again: nothing more has expired, nothing changes.
        var contents = lab.Files.Select(f => File.ReadAllBytes(f.Path)).ToList();
        var again = await lab.RunVerbAsync("audit", "archive");
        Assert.True(again.ExitCode == 0, again.Error);
        Assert.Equal(0, JsonDocument.Parse(again.Out).RootElement.GetProperty("archived").GetInt64());
        Assert.Equal(contents, lab.Files.Select(f => File.ReadAllBytes(f.Path)));
        Assert.True((await lab.VerifyAsync()).Intact);
    }

    [Fact]
    public async Task Archiving_removes_the_archived_entries_from_the_look_ups_by_code_and_county_and_only_those()
    {
        using var lab = NewLab();
        await lab.AppendAsync(10);
        var indexer = lab.Services.GetRequiredService<AccessLogCodeIndexer>();
        await indexer.CatchUpAsync(null, CancellationToken.None);
        await lab.AppendAsync(20); // entries 11 to 30: the archive runs over indexed and not yet indexed ones

        await lab.ArchiveAsync();
        await indexer.CatchUpAsync(null, CancellationToken.None);

        await using var db = lab.Services.GetRequiredService<AccessLogStore>().CreateContext();
        var kept = await db.AccessLogCodes.OrderBy(c => c.EntrySeq).ThenBy(c => c.CreditCode)
            .Select(c => new { c.EntrySeq, c.CreditCode }).ToListAsync();
        var indexed = await db.AccessLogCodeIndex.OrderBy(c => c.EntrySeq).ThenBy(c => c.CreditCode)
            .Select(c => new { c.EntrySeq, c.CreditCode }).ToListAsync();
        Assert.NotEmpty(kept);
        Assert.All(kept, c => Assert.True(c.EntrySeq > ArchiveLab.Expired));
        Assert.Equal(kept, indexed);

        // So does the look-up by county: only kept entries, once per county they returned.
        var counties = await db.AccessLogCountyIndex.Select(c => new { c.EntrySeq, c.County }).ToListAsync();
        var derived = await db.AccessLogCodes
            .Join(db.Enterprises, k => k.CreditCode, x => x.CreditCode,
                (k, x) => new { k.EntrySeq, County = x.CountyCode })
            .Distinct().ToListAsync();
        Assert.NotEmpty(counties);
        Assert.Equal(derived.OrderBy(c => c.EntrySeq).ThenBy(c => c.County),
            counties.OrderBy(c => c.EntrySeq).ThenBy(c => c.County));
    }

    [Fact]
    public async Task Each_line_holds_what_the_hash_covers_so_the_chain_can_be_recomputed_from_the_files()
    {
        using var lab = NewLab();
        await lab.AppendAsync(20);
        await lab.ArchiveAsync();
        var previous = ProductQuality.Graph.Audit.AccessChain.Genesis;
        foreach (var file in lab.Files)
        {
            foreach (var line in await File.ReadAllLinesAsync(file.Path))
            {
                var json = JsonDocument.Parse(line).RootElement;
                var entry = ArchiveLine.Read(line, out var problem);
                Assert.True(entry is not null, problem);
                Assert.Equal(previous, json.GetProperty("previousHash").GetString());
                Assert.Equal(json.GetProperty("hash").GetString(), ProductQuality.Graph.Audit.AccessChain.HashOf(
                    entry, json.GetProperty("codes").EnumerateArray().Select(c => c.GetString()!)));
                previous = entry.Hash;
            }
        }

        Assert.Contains("官员", await File.ReadAllTextAsync(lab.Files[0].Path), StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_every_entry_archived_a_missing_archive_is_named_as_such_not_as_the_head_altered()
    {
        // The table empty (right after a retention run on a quiet system): verify without the archive folder said
        // "The head says the chain ends at entry 15, but it ends at entry 0", which reads as tampering.
        using var lab = NewLab();
        await lab.AppendAsync(ArchiveLab.Expired);
        await lab.ArchiveAsync();
        Assert.Equal(0, lab.TableFirst());   // none left
        var elsewhere = Directory.CreateDirectory(Path.Combine(lab.Folder, "elsewhere")).FullName;

        var without = await lab.RunVerbAsync("audit", "verify", "--archive", elsewhere);
        Assert.True(without.ExitCode == 1, without.Out + without.Error);
        Assert.Contains("Entries 1 to 15 are not in the table (it is empty) and no archive file holds them",
            without.Out, StringComparison.Ordinal);
        Assert.Contains($"the archive folder read, {elsewhere}, holds no archive file", without.Out,
            StringComparison.Ordinal);

        File.Delete(lab.Files[^1].Path);
        var cut = await lab.VerifyAsync();
        Assert.False(cut.Intact);
        Assert.Contains("Entries 13 to 15 are missing: the archive ends at entry 12 and the table is empty",
            cut.Problem, StringComparison.Ordinal);
    }

    public static TheoryData<string, long, string, string> Tamperings() => new()
    {
        { "altered line", 6, "access-log-000000000005-000000000008.jsonl line 2", "was altered" },
        { "reordered lines", 5, "access-log-000000000005-000000000008.jsonl line 1", "missing" },
        { "deleted file", 5, "access-log-000000000009-000000000012.jsonl", "an archive file was removed" },
        { "deleted last file", 13, "table", "Entries 13 to 15 are missing: the archive ends at entry 12" },
        { "cut mid-line", 12, "access-log-000000000009-000000000012.jsonl line 4", "not a complete archived entry" },
        { "last line removed", 12, "access-log-000000000009-000000000012.jsonl", "cut short" },
        { "file renamed", 1, "access-log-000000000002-000000000004.jsonl", "an archive file was removed" },
    };

    [Theory]
    [MemberData(nameof(Tamperings))]
    public async Task A_tampered_archive_is_named_at_its_first_broken_link(string kind, long at, string where,
        string problem)
    {
        using var lab = NewLab();
        await lab.AppendAsync(30);
        await lab.ArchiveAsync();
        var files = lab.Files;
        switch (kind)
        {
            case "altered line":
                Rewrite(files[1].Path, lines => lines[1] = lines[1].Replace("\"10.0.0.7\"", "\"10.0.0.8\"",
                    StringComparison.Ordinal));
                break;
            case "reordered lines":
                Rewrite(files[1].Path, lines => (lines[0], lines[1]) = (lines[1], lines[0]));
                break;
            case "deleted file":
                File.Delete(files[1].Path);
                break;
            case "deleted last file":
                File.Delete(files[3].Path);
                break;
            case "cut mid-line":
                var bytes = await File.ReadAllBytesAsync(files[2].Path);
                await File.WriteAllBytesAsync(files[2].Path, bytes[..^40]);
                break;
            case "last line removed":
                Rewrite(files[2].Path, lines => lines.RemoveAt(3));
                break;
            default:
                File.Move(files[0].Path, files[0].Path.Replace("000000000001-", "000000000002-",
                    StringComparison.Ordinal));
                break;
        }

        var chain = await lab.VerifyAsync();
        Assert.False(chain.Intact, kind);
        Assert.Equal((at, where), (chain.BrokenAt!.Value, chain.BrokenIn!));
        Assert.Contains(problem, chain.Problem, StringComparison.Ordinal);

        // The verb says the same, as JSON, with exit code 1.
        if (kind == "altered line")
        {
            var run = await lab.RunVerbAsync("audit", "verify");
            Assert.Equal(1, run.ExitCode);
            var report = JsonDocument.Parse(run.Out).RootElement;
            Assert.Equal(where, report.GetProperty("brokenIn").GetString());
            Assert.Equal(at, report.GetProperty("brokenAt").GetInt64());
        }
    }

    [Fact]
    public async Task Without_its_archive_the_table_says_where_its_beginning_went()
    {
        using var lab = NewLab();
        await lab.AppendAsync(30);
        await lab.ArchiveAsync();
        var chain = await lab.Services.GetRequiredService<ProductQuality.Graph.Audit.ChainVerifier>()
            .VerifyAsync(Path.Combine(lab.Folder, "elsewhere"));
        Assert.False(chain.Intact);
        Assert.Equal(1, chain.BrokenAt);
        Assert.Contains("--archive DIR", chain.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_run_interrupted_between_writing_a_file_and_deleting_its_entries_is_completed_by_the_next()
    {
        using var lab = NewLab();
        await lab.AppendAsync(30);

        // The database as it was before the run committed: the files are written, the entries are still there.
        var interrupted = lab.Copy("interrupted.db");
        await lab.ArchiveAsync();
        var contents = lab.Files.Select(f => File.ReadAllBytes(f.Path)).ToList();
        var copy = lab.HostFor(interrupted).Services;

        var meanwhile = await lab.VerifyAsync(copy);
        Assert.True(meanwhile.Intact, meanwhile.Problem);
        Assert.Equal((30, 15), (meanwhile.Entries, meanwhile.Archived));

        var next = await lab.ArchiveAsync(copy);
        Assert.Equal((0L, 15L), (next.Entries, next.Recovered));
        Assert.Equal(contents, lab.Files.Select(f => File.ReadAllBytes(f.Path)));
        var after = await lab.VerifyAsync(copy);
        Assert.True(after.Intact, after.Problem);
        Assert.Equal((30, 15), (after.Entries, after.Archived));
    }

    [Fact]
    public async Task An_entry_both_archived_and_in_the_table_must_be_the_same_in_both()
    {
        using var lab = NewLab();
        await lab.AppendAsync(30);
        var interrupted = lab.Copy("interrupted.db");
        await lab.ArchiveAsync();
        ArchiveLab.Execute(interrupted, """UPDATE "AccessLog" SET "Purpose" = 'forged' WHERE "Seq" = 3""");

        var chain = await lab.VerifyAsync(lab.HostFor(interrupted).Services);
        Assert.False(chain.Intact);
        Assert.Equal((3L, "table"), (chain.BrokenAt!.Value, chain.BrokenIn!));
        Assert.Contains("differ", chain.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_half_written_file_is_ignored_by_verify_and_removed_by_the_next_run()
    {
        using var lab = NewLab();
        await lab.AppendAsync(30);
        Directory.CreateDirectory(lab.Archive);
        var partial = Path.Combine(lab.Archive, "access-log-000000000001-000000000004.jsonl.partial");
        await File.WriteAllTextAsync(partial, "{\"seq\":1,\"atUtc\":\"2026-01-01T01");
        Assert.True((await lab.VerifyAsync()).Intact);

        var run = await lab.ArchiveAsync();
        Assert.Equal(ArchiveLab.Expired, run.Entries);
        Assert.False(File.Exists(partial));
        Assert.True((await lab.VerifyAsync()).Intact);
    }

    [Fact]
    public async Task The_archiver_refuses_to_build_on_a_damaged_last_file_and_removes_nothing()
    {
        using var lab = NewLab();
        await lab.AppendAsync(12);
        await lab.ArchiveAsync();
        await lab.AppendAsync(18);
        var last = lab.Files[^1].Path;
        Rewrite(last, lines => lines.RemoveAt(lines.Count - 1));

        var refused = await lab.RunVerbAsync("audit", "archive");
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("is damaged", refused.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", refused.Error, StringComparison.Ordinal);
        Assert.Equal(13, lab.TableFirst());
    }

    [Fact]
    public async Task With_retention_off_the_archive_verb_says_how_to_turn_it_on()
    {
        using var lab = NewLab();
        var run = await lab.RunVerbAsync("audit", "archive", "--AccessLog:Retention:Days=0");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("AccessLog:Retention:Days", run.Error, StringComparison.Ordinal);
    }

    /// <summary>
    /// Two databases given one archive folder (or one kept from before a new seed): the files of the first read as
    /// the second's chain rewritten, and verify called it tampered. The folder is marked with its database's chain:
    /// the second's archiver refuses it and removes nothing, verify does not read it and says why.
    /// </summary>
    [Fact]
    public async Task An_archive_folder_of_another_database_is_neither_built_on_nor_read_as_this_chain()
    {
        using var first = NewLab();
        await first.AppendAsync(30);
        await first.ArchiveAsync();
        var theirs = first.Files.Select(f => File.ReadAllBytes(f.Path)).ToList();

        using var second = NewLab("other-");
        await second.AppendAsync(30);
        var shared = $"--AccessLog:Retention:Folder={first.Archive}";
        // The first's archiver, mid-file: the refused one must not touch it.
        var partial = Path.Combine(first.Archive, "access-log-000000000016-000000000019.jsonl.partial");
        await File.WriteAllTextAsync(partial, "{\"seq\":16");
        var refused = await second.RunVerbAsync("audit", "archive", shared);
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("another database", refused.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", refused.Error, StringComparison.Ordinal);
        Assert.Equal(1, second.TableFirst());
        Assert.Equal(theirs, first.Files.Select(f => File.ReadAllBytes(f.Path)));
        Assert.True(File.Exists(partial), "the refused archiver removed another database's file in the making");
        File.Delete(partial);

        var verified = await second.RunVerbAsync("audit", "verify", shared);
        Assert.True(verified.ExitCode == 0, verified.Out + verified.Error);
        var report = JsonDocument.Parse(verified.Out).RootElement;
        Assert.Equal((30, 0),
            (report.GetProperty("entries").GetInt64(), report.GetProperty("archiveFiles").GetInt32()));
        Assert.Contains("another database", report.GetProperty("archiveNotRead").GetString(), StringComparison.Ordinal);

        // Each in a folder of its own, both chains verify through their archives.
        Assert.Equal(ArchiveLab.Expired, (await second.ArchiveAsync()).Entries);
        var own = await second.VerifyAsync();
        Assert.True(own.Intact && own.Archived == ArchiveLab.Expired && own.ArchiveNotRead is null, own.Problem);
        var theirsAgain = await first.VerifyAsync();
        Assert.True(theirsAgain.Intact && theirsAgain.Archived == ArchiveLab.Expired, theirsAgain.Problem);
    }

    private ArchiveLab NewLab(string requestIdPrefix = "lab-")
    {
        _ = factory.Services; // migrated and started
        return new ArchiveLab(factory.DatabasePath) { RequestIdPrefix = requestIdPrefix };
    }

    private static void Rewrite(string path, Action<List<string>> change)
    {
        var lines = File.ReadAllLines(path).ToList();
        change(lines);
        File.WriteAllLines(path, lines);
    }
}
