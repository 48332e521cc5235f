using System.Text.Json;

namespace ProductQuality.Graph.Infrastructure.WebSockets;

/// <summary>
/// Where clients put what would be a header in <c>connection_init</c>'s payload: at its top
/// (<c>connectionParams: { Authorization }</c>, graphql-ws's README) or in a <c>headers</c> object
/// (<c>connectionParams: { headers: { Authorization } }</c>, Apollo's and Hasura's examples). A value wrapped so was
/// ignored, and the connection quietly signed in as the public: the first query then failed on a field the public
/// does not have, with nothing pointing at the token.
/// </summary>
internal static class ConnectionParams
{
    /// <summary>
    /// Every one of <paramref name="names"/> (in any case) the payload holds (not null), at its top, then under
    /// <c>headers</c> (in any case too), with the path each was found at for messages (<c>headers.Authorization</c>).
    /// The caller refuses two that differ: taking the first quietly decided which of two tokens or purposes a
    /// connection ran under (the client probe).
    /// A <c>headers</c> that is no object holds nothing here; <see cref="ConnectionToken"/> refuses it first.
    /// </summary>
    public static IReadOnlyList<(string Name, JsonElement Value)> All(JsonElement payload, IReadOnlyList<string> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        var found = Members(payload, names).ToList();
        foreach (var (holder, headers) in HeaderObjects(payload))
        {
            found.AddRange(Members(headers, names).Select(m => (holder + "." + m.Name, m.Value)));
        }

        return found;
    }

    /// <summary>
    /// The payload's <c>headers</c> members, named in any case: a token under <c>Headers</c> was passed over and the
    /// connection signed in as the public (the probe of the last session's changes).
    /// </summary>
    public static IEnumerable<(string Name, JsonElement Value)> HeaderObjects(JsonElement payload) =>
        payload.ValueKind != JsonValueKind.Object
            ? []
            : payload.EnumerateObject()
                .Where(m => m.Name.Equals("headers", StringComparison.OrdinalIgnoreCase))
                .Select(m => (m.Name, m.Value));

    // Names compared without case, as header names are (RFC 9110 §5.1): "AUTHORIZATION", "Token" or a "headers"
    // object's "X-PURPOSE" were passed over, and the connection quietly signed in as the public (the probe of recent
    // changes). In the order of the names; the name as the client wrote it, for messages.
    private static IEnumerable<(string Name, JsonElement Value)> Members(JsonElement holder,
        IReadOnlyList<string> names) => holder.ValueKind != JsonValueKind.Object
        ? []
        : holder.EnumerateObject()
            .Select(m => (Member: m, Rank: names.ToList().FindIndex(n => n.Equals(m.Name,
                StringComparison.OrdinalIgnoreCase))))
            .Where(m => m.Rank >= 0 && m.Member.Value.ValueKind != JsonValueKind.Null)
            .OrderBy(m => m.Rank)
            .Select(m => (m.Member.Name, m.Member.Value));
}
