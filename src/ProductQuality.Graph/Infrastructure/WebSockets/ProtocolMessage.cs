using System.Text.Json;
using ProductQuality.Graph.Infrastructure.Http;

namespace ProductQuality.Graph.Infrastructure.WebSockets;

/// <summary>
/// One client message of graphql-transport-ws: <c>{"type": ..., "id": ..., "payload": ...}</c>. Anything else is
/// a protocol error whose reason says what was wrong, sent as the close reason (4400) and logged.
/// </summary>
internal sealed record ProtocolMessage(string Type, string? Id, JsonElement? Payload)
{
    public static (ProtocolMessage? Message, ConnectionRefusal? Problem) Parse(ReadOnlySpan<byte> utf8)
    {
        using var document = JsonIntake.Parse(utf8.ToArray(), out var problem);
        if (document is null)
        {
            return (null, ConnectionRefusal.NotJson($"A message must be JSON in UTF-8; this one is {problem}."));
        }

        try
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return (null, ConnectionRefusal.BadMessage("A message must be a JSON object with a 'type'."));
            }

            if (!root.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String)
            {
                return (null, ConnectionRefusal.BadMessage("A message must have a string 'type'."));
            }

            string? id = null;
            if (root.TryGetProperty("id", out var idElement))
            {
                // Characters as README counts them (an emoji is one): 65 emoji were refused as over 128.
                if (idElement.ValueKind != JsonValueKind.String
                    || Recording.WriteScope.Characters(idElement.GetString()!) is 0 or > 128)
                {
                    return (null, ConnectionRefusal.BadMessage("'id' must be a string of 1 to 128 characters."));
                }

                id = idElement.GetString();
                // The id is quoted in the access log's request id and in errors' extensions.requestId: a line break
                // there forged a second line of a report, a bidi override reordered what a reader saw. Clients send
                // UUIDs or counters, so the protocol's "unique string" loses nothing to this.
                if (PrintableText.FirstUnprintable(id!) is { } unprintable)
                {
                    return (null,
                        ConnectionRefusal.BadMessage($"'id' must be printable text: it holds {unprintable}."));
                }
            }

            JsonElement? payload = root.TryGetProperty("payload", out var p) && p.ValueKind != JsonValueKind.Null
                ? p.Clone()
                : null;
            return PayloadProblem(type.GetString()!, payload) is { } shape
                ? (null, ConnectionRefusal.BadMessage(shape) with
                {
                    Sent = type.GetString() == "subscribe" && payload is { } sent ? SentRequest.In(sent) : null,
                })
                : (new ProtocolMessage(type.GetString()!, id, payload), null);
        }
        catch (InvalidOperationException)
        {
            // GetString on an escaped lone surrogate ("\ud800"): JSON allows the escape, Unicode text has no such
            // character.
            return (null, ConnectionRefusal.BadMessage(
                "A message's 'type' and 'id' must be Unicode text: one holds a lone UTF-16 surrogate."));
        }
    }

    /// <summary>
    /// A payload of a shape the protocol does not specify for its type, which graphql-ws's own server closes with 4400
    /// (its <c>validateMessage</c>): a subscribe's payload not an object with a string <c>query</c> and, when present,
    /// an object of <c>variables</c> and <c>extensions</c> and a string <c>operationName</c>; a ping's or pong's not an
    /// object. Answered as an operation's error, such a message left a broken client running (the client probe).
    /// connection_init's payload is checked where it is read, with the token.
    /// </summary>
    private static string? PayloadProblem(string type, JsonElement? payload) => type switch
    {
        "subscribe" when payload is not { ValueKind: JsonValueKind.Object } =>
            "A subscribe message needs a payload object such as {\"query\": \"subscription { ... }\"}.",
        "subscribe" => SubscribeMemberProblem(payload!.Value),
        "ping" or "pong" when payload is { ValueKind: not JsonValueKind.Object } =>
            $"A {type} message's payload, when sent, must be a JSON object.",
        _ => null,
    };

    private static string? SubscribeMemberProblem(JsonElement payload)
    {
        if (!payload.TryGetProperty("query", out var query) || query.ValueKind != JsonValueKind.String)
        {
            return "A subscribe message's payload needs 'query', the GraphQL document as a string.";
        }

        foreach (var (name, kind) in new[]
        {
            ("variables", JsonValueKind.Object), ("extensions", JsonValueKind.Object),
            ("operationName", JsonValueKind.String),
        })
        {
            if (payload.TryGetProperty(name, out var member) && member.ValueKind is not JsonValueKind.Null
                && member.ValueKind != kind)
            {
                return $"A subscribe message's payload.{name}, when sent, must be "
                    + (kind == JsonValueKind.Object ? "a JSON object or null." : "a string or null.");
            }
        }

        return null;
    }
}
