using System.Globalization;
using System.Text;

namespace ProductQuality.Graph.Schema.Paging;

/// <summary>
/// Opaque keyset cursors: the sort key and id of the last row seen, tagged with the order they belong to.
/// Base64url of "v1|order|key|id"; anything else, including a key its order cannot read, is INVALID_CURSOR.
/// </summary>
public static class Cursor
{
    public static string Encode(string order, string key, long id) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"v1|{order}|{key}|{id}")).TrimEnd('=').Replace('+', '-')
            .Replace('/', '_');

    public static (string Key, int Id) Decode(string cursor, string order)
    {
        var parts = Text(cursor)?.Split('|');
        if (parts is not ["v1", var tag, var key, var idText]
            || !int.TryParse(idText, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            throw Invalid();
        }

        return tag == order
            ? (key, id)
            : throw new DomainException(ErrorCodes.InvalidCursor,
                $"The cursor belongs to a list ordered by {tag}, not {order}: restart from the first page.");
    }

    /// <summary>Decodes a cursor whose key is a typed value; <paramref name="parse"/> is null for a bad key.</summary>
    public static (T Key, int Id) Decode<T>(string cursor, string order, Func<string, T?> parse)
        where T : struct
    {
        var (key, id) = Decode(cursor, order);
        return (ReadKey(key, parse), id);
    }

    /// <summary>A decoded cursor's key read as a typed value; a key the order cannot read is INVALID_CURSOR.</summary>
    public static T ReadKey<T>(string key, Func<string, T?> parse)
        where T : struct => parse(key) ?? throw Invalid();

    private static DomainException Invalid() => new(ErrorCodes.InvalidCursor,
        "The 'after' cursor is not one this server issued: pass an endCursor or cursor from a previous page.");

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
