namespace ProductQuality.Graph.Operations.RequestIds;

/// <summary>
/// Which request id a caller may choose. A partner's gateway often sends its own id (<c>X-Request-Id</c>) or a W3C
/// <c>traceparent</c>; reusing it lets both sides find the same request. The id is written into logs, error bodies,
/// a response header and the access log, so only short, plain text is taken: anything else (too long, spaces,
/// control characters, quotes, non-ASCII, several values) is ignored and the server's own id is used — never echoed.
/// </summary>
public static class IncomingRequestId
{
    public const string Header = "X-Request-Id";
    public const string TraceParentHeader = "traceparent";
    public const int MaxLength = 64;

    /// <summary>The id to adopt from the request headers, or null to keep the server's own.</summary>
    public static string? Accept(IHeaderDictionary headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        if (headers[Header] is { Count: 1 } ids && IsSafe(ids[0]))
        {
            return ids[0];
        }

        return headers[TraceParentHeader] is { Count: 1 } parents ? FromTraceParent(parents[0]) : null;
    }

    /// <summary>1 to 64 characters of letters, digits, '-', '_', '.' and ':' (what UUIDs, ULIDs and most gateways
    /// send).</summary>
    public static bool IsSafe(string? id) =>
        id is { Length: > 0 and <= MaxLength }
        && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or ':');

    /// <summary>
    /// <c>00-{trace-id}-{parent-id}-{flags}</c> (version 00, lowercase hex, ids not all zero) gives
    /// <c>{trace-id}-{parent-id}</c>: the caller's trace and the very span that sent this request, so retries and
    /// sibling calls of one trace keep distinct ids. Other versions and malformed values are ignored.
    /// </summary>
    public static string? FromTraceParent(string? value)
    {
        if (value is not { Length: 55 } || !value.StartsWith("00-", StringComparison.Ordinal)
            || value[35] != '-' || value[52] != '-')
        {
            return null;
        }

        var traceId = value.AsSpan(3, 32);
        var parentId = value.AsSpan(36, 16);
        var flags = value.AsSpan(53, 2);
        return IsLowerHex(traceId) && IsLowerHex(parentId) && IsLowerHex(flags)
            && traceId.ContainsAnyExcept('0') && parentId.ContainsAnyExcept('0')
            ? string.Concat(traceId, "-", parentId)
            : null;
    }

    private static bool IsLowerHex(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (!char.IsAsciiHexDigitLower(c) && !char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}
