using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using ProductQuality.Graph.Data;

namespace ProductQuality.Graph.Audit;

/// <summary>
/// The table's entries as stored, a page at a time, for the chain walk. Read through EF, a value the server never
/// writes — an outcome 'Bogus', a time 'garbage', a count past an int — threw while the page was materialised and
/// <c>audit verify</c> died with a stack trace on the very tampering it exists to find. Read here column by column,
/// such a value ends the page as a named broken link; the outcome's stored text must be the name the writer wrote,
/// since the hash covers that name and a reading that forgave 'ok' for 'Ok' hid a changed byte.
/// </summary>
internal static class StoredEntries
{
    private const string Select = """
        SELECT "Seq", "AtUtc", "RequestId", "Department", "Subject", "ClientAddress", "OperationName",
        "DocumentSha256", "VariablesSha256", "FieldGroups", "Purpose", "Outcome", "Status", "ErrorCode",
        "DurationMicroseconds", "CodeCount", "PreviousHash", "Hash"
        FROM "AccessLog" WHERE "Seq" > @after AND "Seq" <= @last ORDER BY "Seq" LIMIT @take
        """;

    /// <summary>Up to <paramref name="take"/> entries after <paramref name="after"/>, up to <paramref name="last"/>;
    /// the page ends early at an entry that cannot be read, named with its problem.</summary>
    public static async Task<(List<AccessLogEntry> Entries, (long Seq, string Problem)? Unreadable)> PageAsync(
        ProductQualityDbContext db, long after, long last, int take, CancellationToken cancellationToken)
    {
        await using var command = AccessLogStore.Command(db.Database.GetDbConnection(),
            db.Database.CurrentTransaction?.GetDbTransaction(), Select, ("@after", after), ("@last", last),
            ("@take", take));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var entries = new List<AccessLogEntry>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var seq = reader.GetInt64(0);
            try
            {
                entries.Add(Read(reader, seq));
            }
            catch (StoredValueException e)
            {
                return (entries, (seq, $"Entry {seq} was altered: its {e.Column} holds {e.Value}, which the log "
                    + "never writes."));
            }
        }

        return (entries, null);
    }

    private static AccessLogEntry Read(DbDataReader r, long seq) => new()
    {
        Seq = seq,
        AtUtc = Value(r, 1, "AtUtc", r.GetDateTime),
        RequestId = Value(r, 2, "RequestId", r.GetString),
        Department = Text(r, 3, "Department"),
        Subject = Text(r, 4, "Subject"),
        ClientAddress = Text(r, 5, "ClientAddress"),
        OperationName = Text(r, 6, "OperationName"),
        DocumentSha256 = Text(r, 7, "DocumentSha256"),
        VariablesSha256 = Text(r, 8, "VariablesSha256"),
        FieldGroups = Value(r, 9, "FieldGroups", r.GetString),
        Purpose = Text(r, 10, "Purpose"),
        Outcome = Value(r, 11, "Outcome", i => AccessOutcomes.TryParseStored(r.GetString(i), out var outcome)
            ? outcome
            : throw new FormatException()),
        Status = Value(r, 12, "Status", r.GetInt32),
        ErrorCode = Text(r, 13, "ErrorCode"),
        DurationMicroseconds = Value(r, 14, "DurationMicroseconds", r.GetInt64),
        CodeCount = Value(r, 15, "CodeCount", r.GetInt32),
        PreviousHash = Value(r, 16, "PreviousHash", r.GetString),
        Hash = Value(r, 17, "Hash", r.GetString),
    };

    private static string? Text(DbDataReader r, int i, string column) =>
        r.IsDBNull(i) ? null : Value(r, i, column, r.GetString);

    private static T Value<T>(DbDataReader r, int i, string column, Func<int, T> read)
    {
        try
        {
            return r.IsDBNull(i) ? throw new FormatException() : read(i);
        }
        catch (Exception e) when (e is FormatException or InvalidCastException or OverflowException
            or InvalidOperationException or ArgumentException)
        {
            throw new StoredValueException(column, Shown(r, i));
        }
    }

    // What is there, briefly: an operator looks it up with the position.
    private static string Shown(DbDataReader r, int i)
    {
        if (r.IsDBNull(i))
        {
            return "null";
        }

        var text = Convert.ToString(r.GetValue(i), CultureInfo.InvariantCulture) ?? "";
        return "'" + (text.Length > 40 ? text[..40] + "…" : text) + "'";
    }

    private sealed class StoredValueException(string column, string value) : Exception
    {
        public string Column { get; } = column;

        public string Value { get; } = value;
    }
}
