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
        using var link = new Netstrings();
        link.Append(Version);
        link.Append(seq.ToString(CultureInfo.InvariantCulture));
        link.Append(previousHash);
        link.Append(contentHash);
        return link.Sha256();
    }

    /// <summary>The hash of what the entry says, without its place in the chain.</summary>
    public static string ContentHash(AccessLogEntry entry, IEnumerable<string> codes)
    {
        ArgumentNullException.ThrowIfNull(entry);
        using var content = new Netstrings();
        content.Append(Timestamp(entry.AtUtc));
        content.Append(entry.RequestId);
        content.Append(entry.Department);
        content.Append(entry.Subject);
        content.Append(entry.ClientAddress);
        content.Append(entry.OperationName);
        content.Append(entry.DocumentSha256);
        content.Append(entry.VariablesSha256);
        content.Append(entry.FieldGroups);
        content.Append(entry.Purpose);
        content.Append(entry.Outcome.ToString());
        content.Append(entry.Status.ToString(CultureInfo.InvariantCulture));
        content.Append(entry.ErrorCode);
        content.Append(entry.DurationMicroseconds.ToString(CultureInfo.InvariantCulture));
        content.Append(entry.CodeCount.ToString(CultureInfo.InvariantCulture));
        content.Append(CodesHash(codes));
        return content.Sha256();
    }

    /// <summary>UTC to the microsecond: what PostgreSQL's timestamptz and SQLite's text both keep exactly.</summary>
    public static DateTime Truncate(DateTime utc) =>
        new(utc.Ticks - (utc.Ticks % 10), DateTimeKind.Utc);

    public static string Timestamp(DateTime utc) => DateTime.SpecifyKind(utc, DateTimeKind.Utc)
        .ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);

    private static string CodesHash(IEnumerable<string> codes)
    {
        using var hash = new Netstrings();
        foreach (var code in codes.Order(StringComparer.Ordinal))
        {
            hash.Append(code);
        }

        return hash.Sha256();
    }

    /// <summary>
    /// Netstrings (<c>&lt;UTF-8 length&gt;:&lt;UTF-8 bytes&gt;,</c>, <c>-,</c> for null) written into one pooled buffer
    /// and hashed with one SHA-256 call. Appended to an incremental hash instead, part by part, an entry cost some
    /// seventy calls into OpenSSL, each with its own set-up (12 µs a request on CPU, measured with perf).
    /// </summary>
    private sealed class Netstrings : IDisposable
    {
        private byte[] _buffer = ArrayPool<byte>.Shared.Rent(1024);
        private int _length;

        public void Append(string? value)
        {
            if (value is null)
            {
                Write("-,"u8);
                return;
            }

            var length = Encoding.UTF8.GetByteCount(value);
            Reserve(length + 12);
            length.TryFormat(_buffer.AsSpan(_length), out var digits, provider: CultureInfo.InvariantCulture);
            _length += digits;
            _buffer[_length++] = (byte)':';
            _length += Encoding.UTF8.GetBytes(value, _buffer.AsSpan(_length));
            _buffer[_length++] = (byte)',';
        }

        public string Sha256()
        {
            Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
            SHA256.HashData(_buffer.AsSpan(0, _length), digest);
            return Convert.ToHexStringLower(digest);
        }

        public void Dispose() => ArrayPool<byte>.Shared.Return(_buffer);

        private void Write(ReadOnlySpan<byte> bytes)
        {
            Reserve(bytes.Length);
            bytes.CopyTo(_buffer.AsSpan(_length));
            _length += bytes.Length;
        }

        private void Reserve(int more)
        {
            if (_length + more <= _buffer.Length)
            {
                return;
            }

            var larger = ArrayPool<byte>.Shared.Rent(Math.Max(_buffer.Length * 2, _length + more));
            _buffer.AsSpan(0, _length).CopyTo(larger);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = larger;
        }
    }
}
