using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;

namespace ProductQuality.Graph.Audit;

/// <summary>
/// A checkpoint kept outside, as <c>audit checkpoint</c> wrote it: JSON whose <c>checkpoint</c> is the signed JWS.
/// Read before the chain is walked: a file that is none is the caller's mistake (exit code 2), which came out as
/// <c>"intact":false</c> with no broken link and exit 1, as if the log had been rewritten.
/// </summary>
internal static class CheckpointFile
{
    // A checkpoint is under 1 KB: /dev/zero was read until memory ran out. A longer file is cut, and is no JSON.
    private const int MaxBytes = 64 * 1024;

    private static readonly JsonWebTokenHandler Handler = new();

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

        try
        {
            using var json = JsonDocument.Parse(bytes);
            if (json.RootElement is { ValueKind: JsonValueKind.Object } root
                && root.TryGetProperty("checkpoint", out var checkpoint)
                && checkpoint.ValueKind == JsonValueKind.String && Handler.CanReadToken(checkpoint.GetString()))
            {
                return checkpoint.GetString();
            }
        }
        catch (JsonException)
        {
            // Not JSON: said below, as for JSON without a checkpoint.
        }

        problem = $"The checkpoint file '{path}' is not a checkpoint: expected the JSON that `audit checkpoint` "
            + "writes, {\"checkpoint\": \"<signed JWS>\", \"seq\": …, \"hash\": …}.";
        return null;
    }
}
