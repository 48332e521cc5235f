using System.Globalization;
using System.Text.Json;
using ProductQuality.Graph.Access;

namespace ProductQuality.Graph.Receipts;

/// <summary>A receipt kept by a partner, read from a JSON file for the <c>receipt verify</c> verb.</summary>
/// <param name="Results">The members each result holds (none without results).</param>
/// <param name="Mismatch">What in the results is not what the codes imply (creditCode, duplicateOf); else null.</param>
internal sealed record ReceiptFile(string Receipt, IReadOnlyList<string> Codes, string? AnswersDigest,
    IReadOnlyList<IReadOnlySet<string>> Results, string? Mismatch)
{
    private const int MaxBytes = 64 * 1024 * 1024;

    // Which of two values counts is not for the verifier to guess: a result with "blacklisted" false, then true,
    // verified while a first-wins reader saw false. As the HTTP intake (JsonIntake) refuses them.
    private static readonly JsonDocumentOptions Options = new() { AllowDuplicateProperties = false };

    // A result's members, as BlacklistCheckResult has them, and the kinds of value each may hold.
    private static readonly Dictionary<string, JsonValueKind[]> Kinds = new(StringComparer.Ordinal)
    {
        ["creditCode"] = [JsonValueKind.String],
        ["valid"] = [JsonValueKind.True, JsonValueKind.False],
        ["problem"] = [JsonValueKind.String, JsonValueKind.Null],
        ["duplicateOf"] = [JsonValueKind.Number, JsonValueKind.Null],
        ["known"] = [JsonValueKind.True, JsonValueKind.False],
        ["name"] = [JsonValueKind.String, JsonValueKind.Null],
        ["blacklisted"] = [JsonValueKind.True, JsonValueKind.False, JsonValueKind.Null],
        ["blacklistedSince"] = [JsonValueKind.String, JsonValueKind.Null],
        ["reasonCategory"] = [JsonValueKind.String, JsonValueKind.Null],
        ["assured"] = [JsonValueKind.True, JsonValueKind.False, JsonValueKind.Null],
        ["assuredUntil"] = [JsonValueKind.String, JsonValueKind.Null],
        ["__typename"] = [JsonValueKind.String],
    };

    // What a kept receipt holds: the receipt, the codes sent and, optionally, the results returned.
    private static readonly HashSet<string> TopMembers = new(StringComparer.Ordinal)
        { "receipt", "creditCodes", "results" };

    /// <summary>Members neither digest covers nor the codes imply: their values cannot be checked.</summary>
    public static readonly string[] NotCovered = ["name", "problem"];

    /// <summary>What is wrong with the results under the receipt's contract, else null: each must hold every member
    /// of the answers' digest the contract shows (one left out reads as null), and none it does not show (the server
    /// never answers it; a null one passed the digest).</summary>
    public string? ContractProblem(SchemaContract contract)
    {
        ArgumentNullException.ThrowIfNull(contract);
        var detail = contract.AccessTo(FieldGroup.BlacklistDetail) != FieldAccess.Hidden;
        var assured = contract.Sees(FieldGroup.Assured);
        // blacklistCheck itself is of the blacklist-status group: every contract that has it shows blacklisted.
        string[] shown = ["valid", "known", "blacklisted", "blacklistedSince",
            .. detail ? ["reasonCategory"] : Array.Empty<string>(),
            .. assured ? ["assured", "assuredUntil"] : Array.Empty<string>()];
        string[] hidden = [.. detail ? Array.Empty<string>() : ["reasonCategory"],
            .. assured ? Array.Empty<string>() : ["assured", "assuredUntil"]];
        for (var i = 0; i < Results.Count; i++)
        {
            if (shown.FirstOrDefault(m => !Results[i].Contains(m)) is { } missing)
            {
                return $"Result {i} lacks \"{missing}\", which the answers' digest covers: keep every field the "
                    + "receipt's contract shows, as the server answered it.";
            }

            if (hidden.FirstOrDefault(Results[i].Contains) is { } extra)
            {
                return $"Result {i} holds \"{extra}\", which the receipt's contract ({contract.Name}) does not show: "
                    + "no answer of the server held it.";
            }
        }

        return null;
    }

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

            using var json = JsonDocument.Parse(bytes, Options);
            var root = json.RootElement;
            if (root.ValueKind == JsonValueKind.Object
                && root.EnumerateObject().Select(m => m.Name).FirstOrDefault(n => !TopMembers.Contains(n)) is { } added)
            {
                // Passed over, a "note" or "verifiedBy" beside the receipt read as part of what was checked.
                problem = $"Could not read {path}: it holds \"{Infrastructure.Quoted.Start(added)}\", which a kept "
                    + "receipt does not have: keep only \"receipt\", \"creditCodes\" and \"results\" in the file, "
                    + "and notes of your own beside it.";
                return null;
            }

            var receipt = root.GetProperty("receipt").GetString() ?? string.Empty;
            // A null was read as the code "": only a text is a code sent.
            var codes = root.GetProperty("creditCodes").EnumerateArray().Select(c => c.ValueKind == JsonValueKind.String
                ? c.GetString()! : throw new InvalidOperationException("a code is no text")).ToList();
            var given = root.TryGetProperty("results", out var results) && results.ValueKind != JsonValueKind.Null;
            if (given && (results.ValueKind != JsonValueKind.Array
                || results.EnumerateArray().Any(r => r.ValueKind != JsonValueKind.Object)))
            {
                // Passed over, it left the answers unchecked while the verdict read "valid".
                problem = $"Could not read {path}: \"results\" must be the list of result objects blacklistCheck "
                    + "returned, or left out.";
                return null;
            }

            var list = given ? results.EnumerateArray().ToList() : [];
            if (list.SelectMany(r => r.EnumerateObject()).Where(m => !Kinds.TryGetValue(m.Name, out var k)
                || !k.Contains(m.Value.ValueKind) || !Shaped(m)).Select(m => (JsonProperty?)m).FirstOrDefault()
                is { } odd)
            {
                // Passed over, a member the digest does not cover ("note", or "blacklisted": "yes") read as checked.
                problem = $"Could not read {path}: a result holds \"{Infrastructure.Quoted.Start(odd.Name)}\": "
                    + $"{Infrastructure.Quoted.Start(odd.Value.GetRawText())}, which no blacklistCheck answer holds.";
                return null;
            }

            var members = list.Select(r => (IReadOnlySet<string>)r.EnumerateObject().Select(m => m.Name)
                .ToHashSet(StringComparer.Ordinal)).ToList();
            var answers = given ? ReceiptDigest.OfLines(list.Select(Line)) : null;
            return new ReceiptFile(receipt, codes, answers, members, given ? MismatchOf(list, codes) : null);
        }
        catch (JsonException e) when (e.Message.StartsWith("Duplicate property", StringComparison.Ordinal))
        {
            problem = $"Could not read {path}: {Infrastructure.Http.JsonIntake.Said(e).Replace(": send each member "
                + "once", "", StringComparison.Ordinal)}. Of a member given twice, which value the receipt covers is "
                + "not for a reader to guess: keep the results as blacklistCheck returned them.";
            return null;
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            problem = $"Could not read {path}: it must be JSON with \"receipt\" (text) and \"creditCodes\" " +
                "(a list of texts), and optionally \"results\" as blacklistCheck returned them.";
            return null;
        }
    }

    // What the codes (which the receipt covers) say of each result: its code as echoed, the earlier position a
    // repeated code shares, whether it has a problem. No digest holds these members, but the codes imply them.
    private static string? MismatchOf(List<JsonElement> results, List<string> codes)
    {
        var items = Enterprises.CreditCodeBatch.Read(codes, int.MaxValue, "creditCodes").Items;
        for (var i = 0; i < Math.Min(results.Count, items.Count); i++)
        {
            var r = results[i];
            if (r.TryGetProperty("creditCode", out var code) && code.GetString() != items[i].Echo)
            {
                return $"Result {i} holds creditCode {Infrastructure.Quoted.Start(code.GetString()!)}, not the code "
                    + "sent at that position.";
            }

            if (r.TryGetProperty("duplicateOf", out var of)
                && (of.ValueKind == JsonValueKind.Null ? null : of.GetInt32()) != items[i].DuplicateOf)
            {
                return $"Result {i} holds duplicateOf {of.GetRawText()}, which the codes sent do not.";
            }

            // Its words are not covered (see NotCovered), but whether there are any is the code's validity.
            if (r.TryGetProperty("problem", out var said) && (said.ValueKind == JsonValueKind.Null) != items[i].Valid)
            {
                return $"Result {i} holds problem {said.GetRawText()}, but its code is "
                    + (items[i].Valid ? "valid." : "not.");
            }
        }

        return null;
    }

    // A day must be one, a count a whole number: "2024-1-1" was read as no day, so as null.
    private static bool Shaped(JsonProperty m) => m.Value.ValueKind switch
    {
        JsonValueKind.Number => m.Value.TryGetInt32(out var n) && n >= 0,
        JsonValueKind.String when m.Name is "blacklistedSince" or "assuredUntil" => DateOnly.TryParseExact(
            m.Value.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
        JsonValueKind.String when m.Name is "__typename" => m.Value.GetString() == "BlacklistCheckResult",
        _ => true,
    };

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
