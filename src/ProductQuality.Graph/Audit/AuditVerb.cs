using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ProductQuality.Graph.Audit.Retention;
using ProductQuality.Graph.Infrastructure;

namespace ProductQuality.Graph.Audit;

/// <summary>
/// <c>audit verify [--checkpoint FILE] [--archive DIR]</c> walks the access log's hash chain — the archive files,
/// then the table, with progress on standard error — and names the first broken link (exit 0 intact, 1 broken);
/// with a checkpoint it also proves the log (or its archive) still holds the signed head (a checkpoint file that is
/// none, or an archive folder that is not there, is exit 2). <c>audit checkpoint
/// [--out FILE]</c> verifies the chain, then prints (or writes) a signed checkpoint of its head. <c>audit archive
/// [--archive DIR]</c> archives the entries the configured retention lets expire (progress on standard error). The
/// archive folder is <c>AccessLog:Retention:Folder</c> unless <c>--archive</c> names one. Output is JSON.
/// </summary>
internal static class AuditVerb
{
    private const string Usage = "Usage: audit verify [--checkpoint FILE] [--archive DIR] | audit checkpoint "
        + "[--out FILE] [--archive DIR] | audit archive [--archive DIR]";

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false };

    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length == 0 || args[0] is not ("verify" or "checkpoint" or "archive"))
        {
            // "audit frobnicate" was shown the usage alone: say which word was not understood. With no word (bare
            // 'audit', or settings alone: the sub-verb comes first among the words), say what is missing.
            await Console.Error.WriteLineAsync(args.Length > 0 && !args[0].StartsWith('-')
                ? $"'audit {Infrastructure.Quoted.Start(args[0])}' is not an audit verb: use audit verify, audit "
                    + "checkpoint or audit archive."
                : "'audit' needs a sub-verb: audit verify, audit checkpoint or audit archive.");

            await Console.Error.WriteLineAsync(Usage);
            return 2;
        }

        // A file where a folder is meant: the archiver said "The file … already exists", verify "does not exist".
        if (CommandLine.Option(args, "--archive") is { } named && File.Exists(named))
        {
            await Console.Error.WriteLineAsync($"--archive '{named}' is a file, not a folder: name the folder the "
                + "archive files are (or go) in.");
            return 2;
        }

        // Said before the walk, which can take minutes: writing to a folder said "Access to the path … is denied".
        if (args[0] == "checkpoint" && CommandLine.Option(args, "--out") is { } output && Directory.Exists(output))
        {
            await Console.Error.WriteLineAsync($"--out '{output}' is a folder: name the file to write the checkpoint "
                + $"to (e.g. {Path.Combine(output, "checkpoint.json")}).");
            return 2;
        }

        // A file in a folder that is not there failed after the walk with "Could not find a part of the path".
        if (args[0] == "checkpoint" && CommandLine.Option(args, "--out") is { } target
            && Path.GetDirectoryName(Path.GetFullPath(target)) is { } parent && !Directory.Exists(parent))
        {
            await Console.Error.WriteLineAsync($"--out '{target}' is in a folder that does not exist ('{parent}'): "
                + "create it first, or name a file in a folder that exists.");
            return 2;
        }

        // A folder named on the command line that is not there was mistyped: verifying without it said 'intact'.
        // So is one given to checkpoint, which verifies the same chain before it signs its head.
        if (args[0] is "verify" or "checkpoint" && CommandLine.Option(args, "--archive") is { } given
            && !Directory.Exists(given))
        {
            await Console.Error.WriteLineAsync($"The archive folder '{given}' does not exist: name the folder the "
                + "archived files are in, or leave --archive out to use AccessLog:Retention:Folder.");
            return 2;
        }

        // A checkpoint file that is none is a mistake too: said before the walk, which can take minutes.
        string? checkpoint = null;
        if (args[0] == "verify" && CommandLine.Option(args, "--checkpoint") is { } file)
        {
            checkpoint = CheckpointFile.Read(file, out var problem);
            if (checkpoint is null)
            {
                await Console.Error.WriteLineAsync(problem);
                return 2;
            }
        }

        using var host = CommandLine.BuildHost(args[1..], databaseMustExist: true);
        var services = host.Services;
        var folder = CommandLine.Option(args, "--archive")
            ?? services.GetRequiredService<IOptions<AccessLogOptions>>().Value.Retention.Folder;
        if (args[0] == "archive")
        {
            return await ArchiveVerb.RunAsync(services, folder);
        }

        // Progress on standard error (a chain of millions of entries takes a while); the result on standard output.
        var verification = await services.GetRequiredService<ChainVerifier>().VerifyAsync(folder, p =>
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"verified {p.Walked:N0} of {p.Head:N0} entries ({100.0 * p.Walked / Math.Max(1, p.Head):0} %)")));
        return args[0] == "verify"
            ? await VerifyAsync(services, verification, checkpoint, folder)
            : await CheckpointAsync(services, verification, CommandLine.Option(args, "--out"));
    }

    private static async Task<int> VerifyAsync(IServiceProvider services, ChainVerification chain, string? jws,
        string folder)
    {
        object? checkpoint = null;
        var intact = chain.Intact;
        if (jws is not null)
        {
            // Another database's archive may hold an entry of the same position: not this checkpoint's.
            var (held, signed, problem) = await CheckHeldAsync(services, chain, jws,
                chain.ArchiveNotRead is null ? folder : null);
            // The signed position and hash checked, so a reader need not trust the file's unsigned members.
            checkpoint = new { held, seq = signed?.Seq, hash = signed?.Hash, problem };
            intact &= held;
        }

        Console.WriteLine(JsonSerializer.Serialize(new
        {
            intact,
            entries = chain.Entries,
            archived = chain.Archived,
            archiveFiles = chain.ArchiveFiles,
            headSeq = chain.HeadSeq,
            headHash = chain.HeadHash,
            newer = chain.Newer,
            brokenAt = chain.BrokenAt,
            brokenIn = chain.BrokenIn,
            problem = chain.Problem,
            archiveNotRead = chain.ArchiveNotRead,
            checkpoint,
        }, Json));
        return intact ? 0 : 1;
    }

    private static async Task<int> CheckpointAsync(IServiceProvider services, ChainVerification chain, string? file)
    {
        if (!chain.Intact)
        {
            await Console.Error.WriteLineAsync(
                $"Not signing a broken chain: at entry {chain.BrokenAt}: {chain.Problem}");
            return 1;
        }

        var signed = services.GetRequiredService<CheckpointSigner>().Sign(chain.HeadSeq, chain.HeadHash);
        var text = JsonSerializer.Serialize(new { checkpoint = signed, seq = chain.HeadSeq, hash = chain.HeadHash },
            Json);
        if (file is null)
        {
            Console.WriteLine(text);
        }
        else
        {
            await Infrastructure.VerbOutput.WriteAsync(file, text + "\n");
            Console.WriteLine($"wrote {file}: entry {chain.HeadSeq}, hash {chain.HeadHash}");
        }

        return 0;
    }

    /// <summary>Whether the log (table or archive) still holds the checkpoint's entry with the checkpoint's hash.
    /// </summary>
    private static async Task<(bool Held, ChainCheckpoint? Signed, string? Problem)> CheckHeldAsync(
        IServiceProvider services, ChainVerification chain, string jws, string? folder)
    {
        if (await services.GetRequiredService<CheckpointSigner>().ReadAsync(jws) is not { } checkpoint)
        {
            return (false, null, "The checkpoint's signature does not verify with this server's receipt keys (or it "
                + "is not a checkpoint): it was altered or issued elsewhere.");
        }

        await using var db = services.GetRequiredService<AccessLogStore>().CreateContext();
        var stored = await db.AccessLog.AsNoTracking().Where(e => e.Seq == checkpoint.Seq).Select(e => e.Hash)
            .SingleOrDefaultAsync() ?? (folder is null ? null : await ArchivedHashAsync(folder, checkpoint.Seq));
        return stored == checkpoint.Hash
            ? (chain.Intact, checkpoint,
                chain.Intact ? null : "The checkpoint's entry is there, but the chain is broken.")
            : (false, checkpoint, stored is null
                ? $"Neither the log nor its archive holds entry {checkpoint.Seq}, which the checkpoint signed."
                : $"Entry {checkpoint.Seq} no longer has the hash the checkpoint signed: the log was rewritten.");
    }

    /// <summary>The hash of an archived entry, from the file whose name states its position.</summary>
    private static async Task<string?> ArchivedHashAsync(string folder, long seq)
    {
        if (ArchiveFile.In(folder).FirstOrDefault(f => f.First <= seq && seq <= f.Last) is not { } archive)
        {
            return null;
        }

        try
        {
            await foreach (var (_, text) in archive.LinesAsync())
            {
                if (ArchiveLine.Read(text, out _) is { } entry && entry.Seq == seq)
                {
                    return entry.Hash;
                }
            }
        }
        catch (ArchiveFileException)
        {
            // Not readable as an archive file: the walk has named it already.
        }

        return null;
    }
}
