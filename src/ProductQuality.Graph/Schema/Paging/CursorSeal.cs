using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace ProductQuality.Graph.Schema.Paging;

/// <summary>
/// Seals a list cursor's payload for its list: encrypted and authenticated (AES-GCM) under the database's key, with
/// the list (<see cref="ListScope"/>) as associated data. A reader learns nothing from a cursor — not the row ids or
/// log positions in it, whose gaps would count rows it may not see — and cannot make one up, change one, or use one
/// with another list or filter. The nonce is derived from the list and the payload (a synthetic IV), so one position
/// of one list always has one cursor, and no two different payloads ever share a nonce.
/// </summary>
public sealed class CursorSeal : IDisposable
{
    private const int NonceBytes = 12;

    // Payloads are padded to a multiple of this, so a cursor's length does not tell the digits of the position in
    // it (an access log's sequence number grows with every department's requests).
    private const int PadBytes = 32;
    private const int TagBytes = 16;

    /// <summary>Longer than any cursor a list issues (its key is at most a name of 256 characters).</summary>
    private const int MaxCursorLength = 2048;

    private readonly AesGcm _aes;
    private readonly byte[] _nonceKey;
    private readonly Lock _using = new();

    /// <param name="secret">The database's list-cursor key: 32 random bytes, from which both keys are derived.</param>
    public CursorSeal(byte[] secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        _aes = new AesGcm(HMACSHA256.HashData(secret, "list-cursor:encrypt"u8), TagBytes);
        _nonceKey = HMACSHA256.HashData(secret, "list-cursor:nonce"u8);
    }

    public string Seal(string scope, string payload)
    {
        var associated = Encoding.UTF8.GetBytes(scope);
        var text = Encoding.UTF8.GetBytes(payload);
        // ISO/IEC 7816-4 padding: 0x80, then zeros — unambiguous whatever the text ends with.
        var plain = new byte[(text.Length / PadBytes + 1) * PadBytes];
        text.CopyTo(plain, 0);
        plain[text.Length] = 0x80;
        var sealedBytes = new byte[NonceBytes + plain.Length + TagBytes];
        var nonce = sealedBytes.AsSpan(0, NonceBytes);
        byte[] named = [.. associated, 0, .. plain];
        HMACSHA256.HashData(_nonceKey, named).AsSpan(0, NonceBytes).CopyTo(nonce);
        lock (_using)
        {
            _aes.Encrypt(nonce, plain, sealedBytes.AsSpan(NonceBytes, plain.Length),
                sealedBytes.AsSpan(NonceBytes + plain.Length), associated);
        }

        return Base64Url.EncodeToString(sealedBytes);
    }

    /// <summary>The payload sealed for this list, or null for a cursor that is not one (of this list).</summary>
    public string? Open(string scope, string cursor)
    {
        ArgumentNullException.ThrowIfNull(cursor);
        if (cursor.Length > MaxCursorLength || !Base64Url.IsValid(cursor))
        {
            return null;
        }

        var sealedBytes = Base64Url.DecodeFromChars(cursor);
        if (sealedBytes.Length < NonceBytes + TagBytes || Base64Url.EncodeToString(sealedBytes) != cursor)
        {
            return null;
        }

        var length = sealedBytes.Length - NonceBytes - TagBytes;
        var plain = new byte[length];
        try
        {
            lock (_using)
            {
                _aes.Decrypt(sealedBytes.AsSpan(0, NonceBytes), sealedBytes.AsSpan(NonceBytes, length),
                    sealedBytes.AsSpan(NonceBytes + length), plain, Encoding.UTF8.GetBytes(scope));
            }

            var padded = plain.AsSpan().TrimEnd((byte)0);
            return padded.Length > 0 && padded[^1] == 0x80
                ? new UTF8Encoding(false, true).GetString(padded[..^1])
                : null;
        }
        catch (Exception e) when (e is AuthenticationTagMismatchException or ArgumentException)
        {
            return null;
        }
    }

    public void Dispose() => _aes.Dispose();
}
