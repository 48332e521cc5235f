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
    /// The first of <paramref name="names"/> the payload holds (not null), at its top or under <c>headers</c>, with
    /// the path it was found at for messages (<c>headers.Authorization</c>).
    /// </summary>
    public static (string Name, JsonElement Value)? Find(JsonElement payload, IReadOnlyList<string> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        if (Member(payload, names) is { } top)
        {
            return top;
        }

        return payload.ValueKind == JsonValueKind.Object && payload.TryGetProperty("headers", out var headers)
            && Member(headers, names) is { } wrapped
            ? ("headers." + wrapped.Name, wrapped.Value)
            : null;
    }

    private static (string Name, JsonElement Value)? Member(JsonElement holder, IReadOnlyList<string> names)
    {
        if (holder.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        foreach (var name in names)
        {
            if (holder.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null)
            {
                return (name, value);
            }
        }

        return null;
    }
}
