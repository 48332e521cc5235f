using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace ProductQuality.Graph.Schema.Paging;

/// <summary>
/// Opaque keyset cursors: the sort key and id of the last row seen, tagged with the order they belong to and sealed
/// with a check over the list they came from (<see cref="ListScope"/>: the field and its filter arguments).
/// Base64url of "v2|order|key|id|check". A cursor that is damaged (any character changed, cut or added), comes from
/// another list or another filter, or holds a key its order cannot read is INVALID_CURSOR: otherwise it would
/// quietly start the page somewhere else.
/// </summary>
/// <remarks>
/// The check is a hash, not a signature: whoever can read this code can forge one, and gains nothing by it, since a
/// cursor only says where to resume within rows the caller may read anyway. It catches accidents.
/// </remarks>
public static class Cursor
{
    private const string Version = "v2";

    public static string Encode(string scope, string order, string key, long id) =>
        Seal(scope, Inv($"{Version}|{order}|{key}|{id}"));

    /// <summary>The payload sealed for a list: what <see cref="Encode"/> does after formatting (tests forge with it).
    /// </summary>
    internal static string Seal(string scope, string payload) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(payload + "|" + Check(scope, payload))).TrimEnd('=')
            .Replace('+', '-').Replace('/', '_');

    public static (string Key, int Id) Decode(string scope, string cursor, string order)
    {
        // "v2|order|key|id|check": the key may itself hold '|' (a name), so it is what lies between.
        var text = Text(cursor);
        var last = text?.LastIndexOf('|') ?? -1;
        if (text is null || last < 0 || text[(last + 1)..] != Check(scope, text[..last]))
        {
            throw Invalid();
        }

        var payload = text[..last];
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
            : throw new DomainException(ErrorCodes.InvalidCursor,
                $"The cursor belongs to a list ordered by {tag}, not {order}: restart from the first page.");
    }

    /// <summary>Decodes a cursor whose key is a typed value; <paramref name="parse"/> is null for a bad key.</summary>
    public static (T Key, int Id) Decode<T>(string scope, string cursor, string order, Func<string, T?> parse)
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
        + "page of the same list, asked with the same filter (a cursor from before a server upgrade may be refused "
        + "too: restart from the first page).");

    // Eight hex digits of SHA-256 over the list and the payload.
    private static string Check(string scope, string payload) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(scope + "\n" + payload)).AsSpan(0, 4));

    private static string Inv(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static string? Text(string cursor)
    {
        var base64 = cursor.Replace('-', '+').Replace('_', '/');
        base64 = base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=');
        try
        {
            // Strict UTF-8: forged bytes are refused here rather than read as replacement characters.
            return new UTF8Encoding(false, true).GetString(Convert.FromBase64String(base64));
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException)
        {
            return null;
        }
    }
}
