namespace ProductQuality.Graph.Changes;

/// <summary>
/// The feed's head when a WebSocket <c>subscribe</c> message was received, read in the connection's receive loop:
/// a subscription without a cursor starts there. Operations start beside the receive loop, and one may wait for a
/// place before it runs; read when it ran, "from now" skipped what was committed meanwhile — including a write the
/// client sent right after the subscribe, and after a ping whose pong it took for the sign the position was fixed.
/// Scoped to the operation; null elsewhere (HTTP), where the head is read when the field runs.
/// </summary>
public sealed class ChangeHeadAtReceipt
{
    public long? Head { get; set; }
}
