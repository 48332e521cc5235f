using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace ProductQuality.Graph.Audit.Retention;

/// <summary>
/// One archived entry as one line of JSON: every field the chain's hash covers, exactly as hashed (the time to the
/// microsecond as <see cref="AccessChain.Timestamp"/> writes it, nulls as null, the outcome by name), its credit
/// codes, its previous hash and its hash — so anyone can recompute the chain from the files alone.
/// </summary>
public static class ArchiveLine
{
    private static readonly JsonWriterOptions Options = new()
    {
        // Chinese names stay readable in the files; they are data, never embedded in HTML.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    // The members Write writes, in its order, each once. Anything else is an altered line: an added "note" is
    // nothing the hash covers, and of a member given twice (a forged "department" before the real one) the hash
    // covered the last while a first-wins reader, or grep, saw the forgery; both verified intact.
    private static readonly string[] Members =
    [
        "seq", "atUtc", "requestId", "department", "subject", "clientAddress", "operationName", "documentSha256",
        "variablesSha256", "fieldGroups", "purpose", "outcome", "status", "errorCode", "durationMicroseconds",
        "codeCount", "codes", "previousHash", "hash",
    ];

    /// <summary>Writes the entry (with its codes loaded) as one line, newline included.</summary>
    public static void Write(Stream stream, AccessLogEntry entry)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(entry);
        using (var json = new Utf8JsonWriter(stream, Options))
        {
            json.WriteStartObject();
            json.WriteNumber("seq", entry.Seq);
            json.WriteString("atUtc", AccessChain.Timestamp(entry.AtUtc));
            json.WriteString("requestId", entry.RequestId);
            json.WriteString("department", entry.Department);
            json.WriteString("subject", entry.Subject);
            json.WriteString("clientAddress", entry.ClientAddress);
            json.WriteString("operationName", entry.OperationName);
            json.WriteString("documentSha256", entry.DocumentSha256);
            json.WriteString("variablesSha256", entry.VariablesSha256);
            json.WriteString("fieldGroups", entry.FieldGroups);
            json.WriteString("purpose", entry.Purpose);
            json.WriteString("outcome", entry.Outcome.ToString());
            json.WriteNumber("status", entry.Status);
            json.WriteString("errorCode", entry.ErrorCode);
            json.WriteNumber("durationMicroseconds", entry.DurationMicroseconds);
            json.WriteNumber("codeCount", entry.CodeCount);
            json.WriteStartArray("codes");
            foreach (var code in entry.Codes.Select(c => c.CreditCode).Order(StringComparer.Ordinal))
            {
                json.WriteStringValue(code);
            }

            json.WriteEndArray();
            json.WriteString("previousHash", entry.PreviousHash);
            json.WriteString("hash", entry.Hash);
            json.WriteEndObject();
        }

        stream.WriteByte((byte)'\n');
    }

    /// <summary>The entry a line holds (codes included), or null with what is wrong with it.</summary>
    public static AccessLogEntry? Read(string line, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(line);
        try
        {
            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.EnumerateObject().Select(m => m.Name).SequenceEqual(Members, StringComparer.Ordinal))
            {
                problem = "it holds other members than the archiver writes (one added, repeated, removed or moved): "
                    + "it was altered";
                return null;
            }

            var seq = root.GetProperty("seq").GetInt64();
            var entry = new AccessLogEntry
            {
                Seq = seq,
                AtUtc = DateTime.ParseExact(Text(root, "atUtc")!, "yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'",
                    CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal),
                RequestId = Text(root, "requestId") ?? throw new FormatException("requestId is null"),
                Department = Text(root, "department"),
                Subject = Text(root, "subject"),
                ClientAddress = Text(root, "clientAddress"),
                OperationName = Text(root, "operationName"),
                DocumentSha256 = Text(root, "documentSha256"),
                VariablesSha256 = Text(root, "variablesSha256"),
                FieldGroups = Text(root, "fieldGroups") ?? throw new FormatException("fieldGroups is null"),
                Purpose = Text(root, "purpose"),
                Outcome = AccessOutcomes.TryParseStored(Text(root, "outcome"), out var outcome)
                    ? outcome
                    : throw new FormatException("not an outcome the log writes"),
                Status = root.GetProperty("status").GetInt32(),
                ErrorCode = Text(root, "errorCode"),
                DurationMicroseconds = root.GetProperty("durationMicroseconds").GetInt64(),
                CodeCount = root.GetProperty("codeCount").GetInt32(),
                PreviousHash = Text(root, "previousHash") ?? "",
                Hash = Text(root, "hash") ?? "",
                Codes = [.. root.GetProperty("codes").EnumerateArray()
                    .Select(c => new AccessLogCode { EntrySeq = seq, CreditCode = Code(c) })],
            };
            if (!IsAsWritten(line, entry))
            {
                problem = "its text differs from what the archiver writes for the entry it holds (spacing, escapes, "
                    + "number forms or the order of its codes changed): it was altered";
                return null;
            }

            problem = null;
            return entry;
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException
            or FormatException or ArgumentException or OverflowException)
        {
            problem = "it is not a complete archived entry (cut short, or not written by the archiver)";
            return null;
        }
    }

    // Spacing, a name written as \u escapes, 1e0 for 1 or the codes reordered parse to the same entry and hash the
    // same, so such an edit verified, while grep and every reader of the text saw other bytes than the archiver
    // wrote. The archiver's output is one exact text per entry: anything else was made by another hand.
    private static bool IsAsWritten(string line, AccessLogEntry entry)
    {
        using var written = new MemoryStream(line.Length + 1);
        Write(written, entry);
        var bytes = written.GetBuffer().AsSpan(0, (int)written.Length - 1);
        return bytes.SequenceEqual(System.Text.Encoding.UTF8.GetBytes(line));
    }

    // A null code was read as a null string and hashed as if absent; only a text is a code.
    private static string Code(JsonElement code) =>
        code.ValueKind == JsonValueKind.String ? code.GetString()! : throw new FormatException("a code is no text");

    private static string? Text(JsonElement root, string name)
    {
        var value = root.GetProperty(name);
        return value.ValueKind == JsonValueKind.Null ? null : value.GetString();
    }
}
