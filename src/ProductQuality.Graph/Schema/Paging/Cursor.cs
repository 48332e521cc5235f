using System.Text;

namespace ProductQuality.Graph.Schema.Paging;

/// <summary>
/// Opaque keyset cursors: the sort key and id of the last row seen, tagged with the order they belong to.
/// Base64url of "v1|order|key|id"; anything else is rejected with INVALID_CURSOR.
/// </summary>
public static class Cursor
{
    public static string Encode(string order, string key, long id) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"v1|{order}|{key}|{id}")).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static (string Key, long Id) Decode(string cursor, string order)
    {
        try
        {
            var base64 = cursor.Replace('-', '+').Replace('_', '/');
            base64 = base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=');
            var parts = Encoding.UTF8.GetString(Convert.FromBase64String(base64)).Split('|');
            if (parts.Length == 4 && parts[0] == "v1" && long.TryParse(parts[3], out var id))
            {
                return parts[1] == order
                    ? (parts[2], id)
                    : throw new DomainException(ErrorCodes.InvalidCursor,
                        $"The cursor belongs to a list ordered by {parts[1]}, not {order}: restart from the first page.");
            }
        }
        catch (FormatException)
        {
        }

        throw new DomainException(ErrorCodes.InvalidCursor, "The 'after' cursor is not one this server issued: pass an endCursor or cursor from a previous page.");
    }
}
