namespace ProductQuality.Graph.Receipts;

/// <summary>What a check receipt states (the claims of its JWS).</summary>
/// <param name="CheckId">The check's id (<c>jti</c>).</param>
/// <param name="CheckedAt">When it was answered (<c>iat</c>, and <c>checkedAt</c> in ISO 8601).</param>
/// <param name="Department">The department that asked (<c>dept</c>); <c>public</c> for anonymous callers.</param>
/// <param name="Contract">The contract it read through, which decides what the answers could show.</param>
/// <param name="AsOf">The day asked about; null for "now".</param>
/// <param name="CodeCount">How many codes were sent (<c>n</c>).</param>
/// <param name="CodesDigest">SHA-256 of the codes as sent (<see cref="ReceiptDigest"/>).</param>
/// <param name="AnswersDigest">SHA-256 of the answers, one line per code.</param>
/// <param name="KeyId">The <c>kid</c> of the key that signed it (set when read back).</param>
public sealed record CheckReceipt(
    string CheckId,
    DateTimeOffset CheckedAt,
    string Department,
    string Contract,
    DateOnly? AsOf,
    int CodeCount,
    string CodesDigest,
    string AnswersDigest,
    string? KeyId = null);
