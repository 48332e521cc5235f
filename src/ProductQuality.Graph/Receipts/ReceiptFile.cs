using System.Globalization;
using System.Text.Json;

namespace ProductQuality.Graph.Receipts;

/// <summary>A receipt kept by a partner, read from a JSON file for the <c>receipt verify</c> verb.</summary>
internal sealed record ReceiptFile(string Receipt, IReadOnlyList<string> Codes, string? AnswersDigest)
{
    private const int MaxBytes = 64 * 1024 * 1024;

    public static ReceiptFile? Read(string path, out string? problem)
    {
        // Said as it is: a folder, or a file not there, came out as "it must be JSON …".
        problem = Directory.Exists(path) ? $"{path} is a folder: name the receipt file (JSON) to check."
            : !File.Exists(path) ? $"{path} does not exist: name the receipt file (JSON) to check."
            : null;
        if (problem is not null)
        {
            return null;
        }

        // Bounded: a receipt of the largest blacklistCheck is a few MB; /dev/zero ran out of memory. And in the wait:
        // a FIFO with no writer blocked the open, and the verb hung with no word.
        var (bytes, unreadable) = Infrastructure.SettingFiles.Read(path, MaxBytes + 1, tooLong: null);
        if (bytes is null)
        {
            problem = $"{path} {unreadable}.";
            return null;
        }

        try
        {
            if (bytes.Length > MaxBytes)
            {
                problem = $"Could not read {path}: it holds more than {MaxBytes:N0} bytes, more than any receipt.";
                return null;
            }

            using var json = JsonDocument.Parse(bytes);
            var root = json.RootElement;
            var receipt = root.GetProperty("receipt").GetString() ?? string.Empty;
            var codes = root.GetProperty("creditCodes").EnumerateArray().Select(c => c.GetString() ?? "").ToList();
            var given = root.TryGetProperty("results", out var results) && results.ValueKind != JsonValueKind.Null;
            if (given && (results.ValueKind != JsonValueKind.Array
                || results.EnumerateArray().Any(r => r.ValueKind != JsonValueKind.Object)))
            {
                // Passed over, it left the answers unchecked while the verdict read "valid".
                problem = $"Could not read {path}: \"results\" must be the list of result objects blacklistCheck "
                    + "returned, or left out.";
                return null;
            }

            var answers = given ? ReceiptDigest.OfLines(results.EnumerateArray().Select(Line)) : null;
            return new ReceiptFile(receipt, codes, answers);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            problem = $"Could not read {path}: it must be JSON with \"receipt\" (text) and \"creditCodes\" " +
                "(a list of texts), and optionally \"results\" as blacklistCheck returned them.";
            return null;
        }
    }

    // A result as received: the fields its contract did not show are simply absent.
    private static string Line(JsonElement r) => ReceiptDigest.AnswerLine(
        Bool(r, "valid") ?? false, Bool(r, "known") ?? false, Bool(r, "blacklisted"), Day(r, "blacklistedSince"),
        Text(r, "reasonCategory"), Bool(r, "assured"), Day(r, "assuredUntil"));

    private static bool? Bool(JsonElement r, string name) =>
        r.TryGetProperty(name, out var v) && v.ValueKind is JsonValueKind.True or JsonValueKind.False
            ? v.GetBoolean() : null;

    private static string? Text(JsonElement r, string name) =>
        r.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static DateOnly? Day(JsonElement r, string name) =>
        Text(r, name) is { } text
            && DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d : null;
}
