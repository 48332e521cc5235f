using System.Text.Json;

namespace ProductQuality.Graph.Infrastructure.WebSockets;

/// <summary>
/// One client message of graphql-transport-ws: <c>{"type": ..., "id": ..., "payload": ...}</c>. Anything else is
/// a protocol error whose reason says what was wrong, sent as the close reason (4400).
/// </summary>
internal sealed record ProtocolMessage(string Type, string? Id, JsonElement? Payload)
{
    public static (ProtocolMessage? Message, string? Problem) Parse(ReadOnlySpan<byte> utf8)
    {
        try
        {
            using var document = JsonDocument.Parse(utf8.ToArray());
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return (null, "A message must be a JSON object with a 'type'.");
            }

            if (!root.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String)
            {
                return (null, "A message must have a string 'type'.");
            }

            string? id = null;
            if (root.TryGetProperty("id", out var idElement))
            {
                if (idElement.ValueKind != JsonValueKind.String || idElement.GetString()!.Length is 0 or > 128)
                {
                    return (null, "'id' must be a string of 1 to 128 characters.");
                }

                id = idElement.GetString();
            }

            JsonElement? payload = root.TryGetProperty("payload", out var p) && p.ValueKind != JsonValueKind.Null
                ? p.Clone()
                : null;
            return (new ProtocolMessage(type.GetString()!, id, payload), null);
        }
        catch (JsonException)
        {
            return (null, "A message must be valid JSON (UTF-8).");
        }
    }
}
