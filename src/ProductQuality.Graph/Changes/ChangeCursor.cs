using System.Buffers;
using System.Buffers.Binary;
using System.Buffers.Text;
using System.Security.Cryptography;
using ProductQuality.Graph.Schema;

namespace ProductQuality.Graph.Changes;

/// <summary>
/// The feed's cursor: a position in the one feed (the id of the last event read), encrypted. It names no department:
/// every reader's position is a place in the one feed, and what each reads from there is filtered by its own
/// contract and row scope. In plain sight the position would tell a reader how many changes it may not see lie
/// between two of its own (another county's, a kind outside its contract) and, from forged positions, how long the
/// whole feed is. So a cursor is one AES block — the position and a check word — under the database's key
/// (<see cref="Infrastructure.CursorKeys"/>), base64url: 22 characters that say nothing and cannot be made up.
/// Anything else is INVALID_CURSOR.
/// </summary>
public sealed class ChangeCursor : IDisposable
{
    /// <summary>The block's second half: opening anything a server of this database did not seal misses it.</summary>
    private static ReadOnlySpan<byte> CheckWord => "PQGchg:2"u8;

    private const int BlockBytes = 16;
    private const int TextLength = 22;

    // One transform each way for every request, kept: a one-shot call sets a cipher up each time (the feed benchmark
    // lost a fifth of its throughput to it). A transform is not safe for concurrent use, hence the lock and buffer.
    private readonly Aes _aes;
    private readonly ICryptoTransform _encrypt;
    private readonly ICryptoTransform _decrypt;
    private readonly byte[] _buffer = new byte[BlockBytes];
    private readonly Lock _using = new();

    public ChangeCursor(byte[] key)
    {
        ArgumentNullException.ThrowIfNull(key);
        _aes = Aes.Create();
        _aes.Key = key;
        _aes.Mode = CipherMode.ECB;
        _aes.Padding = PaddingMode.None;
        _encrypt = _aes.CreateEncryptor();
        _decrypt = _aes.CreateDecryptor();
    }

    public string Encode(long id)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(id);
        Span<byte> block = stackalloc byte[BlockBytes];
        BinaryPrimitives.WriteInt64BigEndian(block, id);
        CheckWord.CopyTo(block[8..]);
        Transform(_encrypt, block);

        return Base64Url.EncodeToString(block);
    }

    /// <summary>The position, or INVALID_CURSOR for text no server of this database issued.</summary>
    public long Decode(string cursor)
    {
        ArgumentNullException.ThrowIfNull(cursor);
        Span<byte> block = stackalloc byte[BlockBytes];
        if (cursor.Length != TextLength || !Base64Url.IsValid(cursor)
            || Base64Url.DecodeFromChars(cursor, block, out _, out var written) != OperationStatus.Done
            || written != BlockBytes)
        {
            throw Refusal(cursor);
        }

        Transform(_decrypt, block);

        var id = BinaryPrimitives.ReadInt64BigEndian(block);
        // "changes|v1|10000" is 22 characters too: it opens to noise here, and is told what it is.
        return block[8..].SequenceEqual(CheckWord) && id > 0 && Encode(id) == cursor ? id : throw Refusal(cursor);
    }

    public void Dispose()
    {
        _encrypt.Dispose();
        _decrypt.Dispose();
        _aes.Dispose();
    }

    // One AES block in place, through a kept transform.
    private void Transform(ICryptoTransform transform, Span<byte> block)
    {
        lock (_using)
        {
            block.CopyTo(_buffer);
            transform.TransformBlock(_buffer, 0, BlockBytes, _buffer, 0);
            _buffer.CopyTo(block);
        }
    }

    /// <summary>A sealed cursor past the feed's end was issued for another copy of the database (a restore).</summary>
    public static DomainException PastTheEnd() => new(ErrorCodes.InvalidCursor,
        "The 'after' cursor points past the end of the change feed, so no server of this database issued it: "
        + "resume from the last cursor you received, or omit 'after' to start from the beginning.");

    // A cursor of the earlier, readable form is told so; anything else is simply not one of ours.
    private static DomainException Refusal(string cursor) => IsUnsealed(cursor) ? Unsealed() : Invalid();

    private static DomainException Invalid() => new(ErrorCodes.InvalidCursor,
        "The 'after' cursor is not one this server issued: pass the cursor of the last change you received "
        + "(or pageInfo.endCursor), unchanged. If you did, it is from another database or one seeded again since: "
        + "start again without 'after' and skip the events you have already applied.");

    private static DomainException Unsealed() => new(ErrorCodes.InvalidCursor,
        "The 'after' cursor is of the earlier, readable form ('changes|v1|…'), which servers no longer accept "
        + "because it showed positions of changes you may not see. Start again without 'after' and skip the events "
        + "you have already applied (applying one twice is harmless: from effectiveFrom on, the value is newValue).");

    // The earlier form was base64url of "changes|v1|<id>".
    private static bool IsUnsealed(string cursor)
    {
        if (cursor.Length > 64 || !Base64Url.IsValid(cursor))
        {
            return false;
        }

        var bytes = Base64Url.DecodeFromChars(cursor);
        return bytes.AsSpan().StartsWith("changes|v1|"u8);
    }
}
