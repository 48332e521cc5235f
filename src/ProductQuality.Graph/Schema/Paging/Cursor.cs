using System.Globalization;
using GraphQL;

namespace ProductQuality.Graph.Schema.Paging;

/// <summary>
/// Opaque keyset cursors: the sort key and id of the last row seen, tagged with the order they belong to
/// ("v3|order|key|id") and sealed for the list they came from (<see cref="ListScope"/>: the field and its filter
/// arguments) by <see cref="CursorSeal"/> — encrypted, so the ids and positions in it stay unread, and
/// authenticated, so a cursor that is damaged (any character changed, cut or added), made up, of another list or
/// another filter, or of another database is INVALID_CURSOR: otherwise it would quietly start the page somewhere
/// else.
/// </summary>
public static class Cursor
{
    private const string Version = "v3";

    public static string Encode(ListScope scope, string order, string key, long id) =>
        scope.Seal.Seal(scope.Text, Inv($"{Version}|{order}|{key}|{id}"));

    public static (string Key, int Id) Decode(ListScope scope, string cursor, string order)
    {
        // "v3|order|key|id": the key may itself hold '|' (a name), so it is what lies between.
        ArgumentNullException.ThrowIfNull(cursor);
        var payload = scope.Seal.Open(scope.Text, cursor) ?? throw Invalid();
        var head = payload.Split('|', 3);
        var idAt = payload.LastIndexOf('|');
        if (head is not [Version, var tag, _] || idAt <= Version.Length + tag.Length + 1
            || !int.TryParse(payload.AsSpan(idAt + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            || payload[(idAt + 1)..] != id.ToString(CultureInfo.InvariantCulture))
        {
            throw Invalid();
        }

        var key = payload[(Version.Length + tag.Length + 2)..idAt];
        return tag == order
            ? (key, id)
            // Tags are the orders' member names (NameAsc); the schema, and so the caller, spells them NAME_ASC. The
            // cursor's own order is not named: it may be one the caller's contract does not have (a finance cursor
            // sent by project-approval named QUALITY_INDEX_LOW_FIRST: the access probe).
            : throw new DomainException(ErrorCodes.InvalidCursor, "The cursor belongs to a list in another order, "
                + $"not {order.ToConstantCase()}: restart from the first page.");
    }

    /// <summary>Decodes a cursor whose key is a typed value; <paramref name="parse"/> is null for a bad key.</summary>
    public static (T Key, int Id) Decode<T>(ListScope scope, string cursor, string order, Func<string, T?> parse)
        where T : struct
    {
        var (key, id) = Decode(scope, cursor, order);
        return (ReadKey(key, parse), id);
    }

    /// <summary>A decoded cursor's key read as a typed value; a key the order cannot read is INVALID_CURSOR.</summary>
    public static T ReadKey<T>(string key, Func<string, T?> parse)
        where T : struct => parse(key) ?? throw Invalid();

    private static DomainException Invalid() => new(ErrorCodes.InvalidCursor,
        "The 'after' cursor is not one this server issued for this list: pass an endCursor or cursor from a previous "
        + "page of the same list, asked with the same filter under your own department's token (a cursor from before "
        + "a server upgrade may be refused too: restart from the first page).");

    private static string Inv(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
