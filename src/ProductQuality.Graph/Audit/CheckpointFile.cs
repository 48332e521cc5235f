using System.Text.Json;
using System.Text.RegularExpressions;
using System.Text.Unicode;
using Microsoft.IdentityModel.JsonWebTokens;

namespace ProductQuality.Graph.Audit;

/// <summary>
/// A checkpoint kept outside, as <c>audit checkpoint</c> wrote it: JSON whose <c>checkpoint</c> is the signed JWS.
/// Read before the chain is walked: a file that is none is the caller's mistake (exit code 2), which came out as
/// <c>"intact":false</c> with no broken link and exit 1, as if the log had been rewritten. Only the JWS is signed,
/// so the file must be exactly as written: its outer <c>seq</c> and <c>hash</c> the JWS's claims, no member added,
/// removed or repeated, and UTF-8 throughout (a rewritten seq 999 was shown beside a checkpoint that held).
/// </summary>
internal static partial class CheckpointFile
{
    // A checkpoint is under 1 KB: /dev/zero was read until memory ran out. A longer file is cut, and is no JSON.
    private const int MaxBytes = 64 * 1024;

    private static readonly JsonWebTokenHandler Handler = new();

    // A member given twice is refused: which of the two values counts is not for the verifier to guess.
    private static readonly JsonDocumentOptions Options = new() { AllowDuplicateProperties = false };

    // What `audit checkpoint` writes; anything else in the file was added by someone else.
    private static readonly string[] Members = ["checkpoint", "seq", "hash"];

    /// <summary>The checkpoint's JWS, or null and what is wrong with the file (a sentence naming it).</summary>
    public static string? Read(string path, out string? problem)
    {
        problem = null;
        // A folder was said not to exist, which it does.
        if (Directory.Exists(path))
        {
            problem = $"The checkpoint file '{path}' is a folder: name the file in it that `audit checkpoint` wrote.";
            return null;
        }

        if (!File.Exists(path))
        {
            problem = $"The checkpoint file '{path}' does not exist: name the file that `audit checkpoint` wrote.";
            return null;
        }

        // Bounded in the wait too: a FIFO with no writer blocked the open, and the verb hung with no word.
        var (bytes, unreadable) = Infrastructure.SettingFiles.Read(path, MaxBytes, tooLong: null);
        if (bytes is null)
        {
            problem = $"The checkpoint file '{path}' {unreadable}.";
            return null;
        }

        if (!Utf8.IsValid(bytes))
        {
            // System.Text.Json reads invalid UTF-8 inside a string without complaint: the file was accepted.
            problem = NotAsWritten(path, "it is not valid UTF-8 text");
            return null;
        }

        JsonDocument json;
        try
        {
            json = JsonDocument.Parse(bytes, Options);
        }
        catch (JsonException ex) when (Duplicate().Match(ex.Message) is { Success: true } twice)
        {
            // The first "checkpoint" could be garbage and the last one was read: which counts is not to be guessed.
            problem = NotAsWritten(path, $"the member '{Infrastructure.Quoted.Start(twice.Groups[1].Value)}' is "
                + "given twice");
            return null;
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            // Not JSON (or a member name no text can hold): said below, as for JSON without a checkpoint.
            problem = NotACheckpoint(path);
            return null;
        }

        using (json)
        {
            return Checked(path, json.RootElement, out problem);
        }
    }

    /// <summary>
    /// The JWS, when the file is exactly what <c>audit checkpoint</c> writes. Its <c>seq</c> and <c>hash</c> are
    /// outside the signature: a file whose outer members said entry 999 "verified" with the signed entry 5.
    /// </summary>
    private static string? Checked(string path, JsonElement root, out string? problem)
    {
        problem = null;
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("checkpoint", out var member)
            || member.ValueKind != JsonValueKind.String || member.GetString() is not { } jws
            || !Handler.CanReadToken(jws))
        {
            problem = NotACheckpoint(path);
            return null;
        }

        if (root.EnumerateObject().Select(m => m.Name).FirstOrDefault(n => !Members.Contains(n, StringComparer.Ordinal))
            is { } extra)
        {
            problem = NotAsWritten(path, $"it has a member '{Infrastructure.Quoted.Start(extra)}', which "
                + "`audit checkpoint` does not write");
            return null;
        }

        if (Members.FirstOrDefault(m => !root.TryGetProperty(m, out _)) is { } missing)
        {
            problem = NotAsWritten(path, $"it lacks the member '{missing}'");
            return null;
        }

        // The claims as the JWS states them; whether they are signed with this bureau's key is checked after the walk.
        var token = new JsonWebToken(jws);
        token.TryGetPayloadValue<long>("seq", out var seq);
        token.TryGetPayloadValue<string>("hash", out var hash);
        var seqMember = root.GetProperty("seq");
        var hashMember = root.GetProperty("hash");
        if (seqMember.ValueKind != JsonValueKind.Number || !seqMember.TryGetInt64(out var fileSeq) || fileSeq != seq)
        {
            problem = NotAsWritten(path, $"the file's seq {Infrastructure.Quoted.Start(seqMember.GetRawText())} is "
                + $"not the signed {seq}");
            return null;
        }

        if (hashMember.ValueKind != JsonValueKind.String || hashMember.GetString() != hash)
        {
            problem = NotAsWritten(path, $"the file's hash {Infrastructure.Quoted.Start(hashMember.GetRawText())} "
                + $"is not the signed \"{hash}\"");
            return null;
        }

        return jws;
    }

    private static string NotACheckpoint(string path) =>
        $"The checkpoint file '{path}' is not a checkpoint: expected the JSON that `audit checkpoint` writes, "
        + "{\"checkpoint\": \"<signed JWS>\", \"seq\": …, \"hash\": …}.";

    private static string NotAsWritten(string path, string what) =>
        $"The checkpoint file '{path}' is not a checkpoint as `audit checkpoint` writes it: {what}. Use the file "
        + "as written, with no member added, removed, repeated or changed.";

    [GeneratedRegex(@"^Duplicate property '(.*)' encountered")]
    private static partial Regex Duplicate();
}
