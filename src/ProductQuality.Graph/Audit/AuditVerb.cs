using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ProductQuality.Graph.Infrastructure;

namespace ProductQuality.Graph.Audit;

/// <summary>
/// <c>audit verify [--checkpoint FILE]</c> walks the access log's hash chain and names the first broken link (exit 0
/// intact, 1 broken); with a checkpoint it also proves the log still holds the signed head. <c>audit checkpoint
/// [--out FILE]</c> verifies the chain, then prints (or writes) a signed checkpoint of its head. Output is JSON.
/// </summary>
internal static class AuditVerb
{
    private const string Usage = "Usage: audit verify [--checkpoint FILE] | audit checkpoint [--out FILE]";
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false };

    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length == 0 || args[0] is not ("verify" or "checkpoint"))
        {
            await Console.Error.WriteLineAsync(Usage);
            return 2;
        }

        using var host = CommandLine.BuildHost(args[1..]);
        var services = host.Services;
        var verification = await services.GetRequiredService<ChainVerifier>().VerifyAsync();
        return args[0] == "verify"
            ? await VerifyAsync(services, verification, CommandLine.Option(args, "--checkpoint"))
            : await CheckpointAsync(services, verification, CommandLine.Option(args, "--out"));
    }

    private static async Task<int> VerifyAsync(IServiceProvider services, ChainVerification chain, string? file)
    {
        object? checkpoint = null;
        var intact = chain.Intact;
        if (file is not null)
        {
            var (held, problem) = await CheckHeldAsync(services, chain, file);
            checkpoint = new { held, problem };
            intact &= held;
        }

        Console.WriteLine(JsonSerializer.Serialize(new
        {
            intact,
            entries = chain.Entries,
            headSeq = chain.HeadSeq,
            headHash = chain.HeadHash,
            brokenAt = chain.BrokenAt,
            problem = chain.Problem,
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
            await File.WriteAllTextAsync(file, text + "\n");
            Console.WriteLine($"wrote {file}: entry {chain.HeadSeq}, hash {chain.HeadHash}");
        }

        return 0;
    }

    /// <summary>Whether the log still holds the checkpoint's entry with the checkpoint's hash.</summary>
    private static async Task<(bool Held, string? Problem)> CheckHeldAsync(
        IServiceProvider services, ChainVerification chain, string file)
    {
        string jws;
        try
        {
            using var json = JsonDocument.Parse(await File.ReadAllTextAsync(file));
            jws = json.RootElement.GetProperty("checkpoint").GetString() ?? "";
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException
            or KeyNotFoundException or InvalidOperationException)
        {
            return (false,
                $"Could not read {file}: it must be JSON with \"checkpoint\" as `audit checkpoint` wrote it.");
        }

        if (await services.GetRequiredService<CheckpointSigner>().ReadAsync(jws) is not { } checkpoint)
        {
            return (false, "The checkpoint's signature does not verify with this server's receipt keys (or it is not "
                + "a checkpoint): it was altered or issued elsewhere.");
        }

        await using var db = services.GetRequiredService<AccessLogStore>().CreateContext();
        var stored = await db.AccessLog.AsNoTracking().Where(e => e.Seq == checkpoint.Seq).Select(e => e.Hash)
            .SingleOrDefaultAsync();
        return stored == checkpoint.Hash
            ? (chain.Intact, chain.Intact ? null : "The checkpoint's entry is there, but the chain is broken.")
            : (false, stored is null
                ? $"The log no longer holds entry {checkpoint.Seq}, which the checkpoint signed."
                : $"Entry {checkpoint.Seq} no longer has the hash the checkpoint signed: the log was rewritten.");
    }
}
