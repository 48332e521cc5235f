using System.Text;

namespace ProductQuality.Graph.Infrastructure.WebSockets;

/// <summary>
/// The close codes of the graphql-transport-ws protocol (graphql-ws's PROTOCOL.md), which its clients act on, and
/// WebSocket's own codes for a message too big, not UTF-8, or past the rate.
/// </summary>
internal static class CloseCodes
{
    public const int BadRequest = 4400;           // a message that is not a protocol message
    public const int Unauthorized = 4401;         // subscribe before connection_ack
    public const int Forbidden = 4403;            // token refused at connection_init, or expired later
    public const int SubprotocolNotAcceptable = 4406; // an upgrade for another subprotocol (graphql-ws's server)
    public const int InitTimeout = 4408;          // no connection_init in time
    public const int SubscriberExists = 4409;     // a second operation with an id still in use
    public const int TooManyInits = 4429;         // connection_init sent twice
    public const int GoingAway = 1001;            // WebSocket's own: the server is stopping
    public const int ProtocolError = 1002;        // WebSocket's own: a frame breaking RFC 6455, closed by the socket
    public const int InvalidPayloadData = 1007;   // WebSocket's own: a text frame not UTF-8, closed by the socket
    public const int MessageTooBig = 1009;        // WebSocket's own code
    public const int TryAgainLater = 1013;        // WebSocket's own: refused tokens past the address's rate

    /// <summary>A close reason may hold at most 123 bytes of UTF-8: longer ones are cut, ending in an ellipsis.
    /// </summary>
    public static string FitReason(string reason)
    {
        while (Encoding.UTF8.GetByteCount(reason) > 123)
        {
            reason = reason[..^2] + "…";
        }

        return reason;
    }
}
