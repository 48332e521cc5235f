using System.Globalization;
using System.Text;
using ProductQuality.Graph.Schema;

namespace ProductQuality.Graph.Changes;

/// <summary>
/// The feed's cursor: a position in the feed (the id of the last event read), base64url of "changes|v1|id". It
/// names no department: every reader's position is a place in the one feed, and what each reads from there is
/// filtered by its own contract and row scope. Anything else, or a position past the end, is INVALID_CURSOR.
/// </summary>
public static class ChangeCursor
{
    private const string Prefix = "changes|v1|";

    /// <summary>Longer than any cursor this server issues: refused before it is decoded.</summary>
    private const int MaxLength = 64;

    public static string Encode(long id) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(Prefix + id.ToString(CultureInfo.InvariantCulture)))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>The position, or INVALID_CURSOR for text this server did not issue.</summary>
    public static long Decode(string cursor)
    {
        ArgumentNullException.ThrowIfNull(cursor);
        if (cursor.Length is 0 or > MaxLength || cursor.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '_')))
        {
            throw Invalid();
        }

        var base64 = cursor.Replace('-', '+').Replace('_', '/');
        base64 = base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=');
        string text;
        try
        {
            text = new UTF8Encoding(false, true).GetString(Convert.FromBase64String(base64));
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException)
        {
            throw Invalid();
        }

        return text.StartsWith(Prefix, StringComparison.Ordinal)
            && long.TryParse(text.AsSpan(Prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            && id > 0 && Encode(id) == cursor
            ? id
            : throw Invalid();
    }

    /// <summary>A well-formed cursor past the feed's end was not issued by any server of this database.</summary>
    public static DomainException PastTheEnd() => new(ErrorCodes.InvalidCursor,
        "The 'after' cursor points past the end of the change feed, so no server issued it: resume from the last " +
        "cursor you received, or omit 'after' to start from the beginning.");

    private static DomainException Invalid() => new(ErrorCodes.InvalidCursor,
        "The 'after' cursor is not one this server issued: pass the cursor of the last change you received " +
        "(or pageInfo.endCursor), unchanged.");
}
