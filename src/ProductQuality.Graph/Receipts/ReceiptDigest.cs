using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using GraphQL;
using Microsoft.IdentityModel.Tokens;
using ProductQuality.Graph.Access;
using ProductQuality.Graph.Blacklist;

namespace ProductQuality.Graph.Receipts;

/// <summary>
/// The digests a receipt carries, SHA-256 in base64url, over netstrings (<c>length:bytes,</c>, UTF-8) so no list of
/// texts can be mistaken for another: the codes as sent, and one line per answer. An answer line is
/// <c>valid|known|blacklisted|blacklistedSince|reasonCategory|assured|assuredUntil</c> (1/0 for booleans,
/// YYYY-MM-DD, the GraphQL enum name; empty for null and for what the caller's contract does not show), so a
/// partner can recompute it from the results it received.
/// </summary>
public static class ReceiptDigest
{
    public static string Codes(IEnumerable<string> codes) => Digest(codes);

    public static string Answers(IEnumerable<BlacklistCheckResult> results, SchemaContract contract)
    {
        ArgumentNullException.ThrowIfNull(contract);
        var detail = contract.AccessTo(FieldGroup.BlacklistDetail) != FieldAccess.Hidden;
        var assured = contract.Sees(FieldGroup.Assured);
        return Digest(results.Select(r => AnswerLine(r, detail, assured)));
    }

    /// <summary>One answer's line; also used by the CLI verb on the results a partner kept.</summary>
    public static string AnswerLine(bool valid, bool known, bool? blacklisted, DateOnly? since, string? reason,
        bool? assured, DateOnly? until) =>
        string.Join('|', Bit(valid), Bit(known), Bit(blacklisted), Day(since), reason ?? string.Empty, Bit(assured),
            Day(until));

    /// <summary>The digest of answer lines already written.</summary>
    public static string OfLines(IEnumerable<string> lines) => Digest(lines);

    private static string AnswerLine(BlacklistCheckResult result, bool detail, bool assured)
    {
        var s = result.Standing;
        return AnswerLine(result.Item.Valid, s is not null, s?.Blacklisted, s?.BlacklistedSince,
            detail ? s?.ReasonCategory?.ToString().ToConstantCase() : null,
            assured ? s?.Assured : null, assured ? s?.AssuredUntil : null);
    }

    private static string Digest(IEnumerable<string> texts)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var text in texts)
        {
            var bytes = Encoding.UTF8.GetBytes(text);
            hash.AppendData(Encoding.ASCII.GetBytes(bytes.Length.ToString(CultureInfo.InvariantCulture) + ":"));
            hash.AppendData(bytes);
            hash.AppendData(","u8);
        }

        return Base64UrlEncoder.Encode(hash.GetHashAndReset());
    }

    private static string Bit(bool? value) => value switch { true => "1", false => "0", null => string.Empty };

    private static string Day(DateOnly? day) =>
        day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? string.Empty;
}
