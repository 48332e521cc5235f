namespace ProductQuality.Graph.Receipts;

/// <summary>The verdict on a receipt and a list of codes: valid, or the one reason it is not.</summary>
/// <param name="Valid">The signature holds, the key is the bureau's, and the codes are those checked.</param>
/// <param name="Problem">Why not, in one sentence; null when valid.</param>
/// <param name="Receipt">What the receipt states, when its signature holds (also when the codes differ).</param>
public sealed record ReceiptVerification(bool Valid, string? Problem, CheckReceipt? Receipt)
{
    public static ReceiptVerification Refused(string problem, CheckReceipt? receipt = null) =>
        new(false, problem, receipt);
}
