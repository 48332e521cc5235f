using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace ProductQuality.Graph.Audit;

/// <summary>
/// The hash chain: each entry's hash covers its position, the previous entry's hash and its own canonical content,
/// so altering, removing or reordering any entry breaks every link after it. Canonical content: the fields in a fixed
/// order, each as a netstring (<c>&lt;byte length&gt;:&lt;UTF-8&gt;,</c>) or <c>-,</c> for null, and the credit
/// codes, sorted ordinally, as the SHA-256 of their netstrings.
/// </summary>
public static class AccessChain
{
    /// <summary>The "previous hash" of the first entry.</summary>
    public static readonly string Genesis = new('0', 64);

    private const string Version = "pqg-access-log-v1";
    private const int StackBytes = 256;

    /// <summary>The entry's hash from its position, previous hash and content (the stored one is not read).</summary>
    public static string HashOf(AccessLogEntry entry, IEnumerable<string> codes)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return Link(entry.Seq, entry.PreviousHash, ContentHash(entry, codes));
    }

    /// <summary>
    /// The entry's hash from its position, the previous hash and its <see cref="ContentHash"/> computed before: the
    /// writer, which numbers entries one at a time, then hashes only this short link.
    /// </summary>
    public static string Link(long seq, string previousHash, string contentHash)
    {
        using var link = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Append(link, Version);
        Append(link, seq.ToString(CultureInfo.InvariantCulture));
        Append(link, previousHash);
        Append(link, contentHash);
        return Convert.ToHexStringLower(link.GetHashAndReset());
    }

    /// <summary>The hash of what the entry says, without its place in the chain.</summary>
    public static string ContentHash(AccessLogEntry entry, IEnumerable<string> codes)
    {
        ArgumentNullException.ThrowIfNull(entry);
        using var content = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Append(content, Timestamp(entry.AtUtc));
        Append(content, entry.RequestId);
        Append(content, entry.Department);
        Append(content, entry.Subject);
        Append(content, entry.ClientAddress);
        Append(content, entry.OperationName);
        Append(content, entry.DocumentSha256);
        Append(content, entry.VariablesSha256);
        Append(content, entry.FieldGroups);
        Append(content, entry.Purpose);
        Append(content, entry.Outcome.ToString());
        Append(content, entry.Status.ToString(CultureInfo.InvariantCulture));
        Append(content, entry.ErrorCode);
        Append(content, entry.DurationMicroseconds.ToString(CultureInfo.InvariantCulture));
        Append(content, entry.CodeCount.ToString(CultureInfo.InvariantCulture));
        Append(content, CodesHash(codes));
        return Convert.ToHexStringLower(content.GetHashAndReset());
    }

    /// <summary>UTC to the microsecond: what PostgreSQL's timestamptz and SQLite's text both keep exactly.</summary>
    public static DateTime Truncate(DateTime utc) =>
        new(utc.Ticks - (utc.Ticks % 10), DateTimeKind.Utc);

    public static string Timestamp(DateTime utc) => DateTime.SpecifyKind(utc, DateTimeKind.Utc)
        .ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);

    private static string CodesHash(IEnumerable<string> codes)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var code in codes.Order(StringComparer.Ordinal))
        {
            Append(hash, code);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static void Append(IncrementalHash hash, string? value)
    {
        if (value is null)
        {
            hash.AppendData("-,"u8);
            return;
        }

        // "<UTF-8 length>:<UTF-8 bytes>," written without allocating: an entry hashes some twenty fields this way, a
        // page's entry a hundred codes more, and the writer hashes every entry of every request.
        var length = Encoding.UTF8.GetByteCount(value);
        Span<byte> prefix = stackalloc byte[12];
        length.TryFormat(prefix, out var digits, provider: CultureInfo.InvariantCulture);
        prefix[digits] = (byte)':';
        hash.AppendData(prefix[..(digits + 1)]);

        byte[]? rented = null;
        var bytes = length <= StackBytes ? stackalloc byte[StackBytes] : (rented = ArrayPool<byte>.Shared.Rent(length));
        hash.AppendData(bytes[..Encoding.UTF8.GetBytes(value, bytes)]);
        if (rented is not null)
        {
            ArrayPool<byte>.Shared.Return(rented);
        }

        hash.AppendData(","u8);
    }
}
