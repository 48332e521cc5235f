namespace ProductQuality.Graph.Infrastructure;

/// <summary>
/// Reads a file a setting names (a key file, the map's boundary file, the head of a SQLite file) at start, or a verb's
/// argument names (<c>audit verify --checkpoint</c>, <c>receipt verify</c>), with a bound on its size and on the
/// wait. A FIFO or a terminal (<c>/dev/stdin</c>) blocks an open or a read until a writer comes, which hung the start
/// with no word; a device such as <c>/dev/zero</c> reports length 0 and never ends, which ran a key file's read out
/// of memory (exit 134). .NET cannot tell such files from regular ones without
/// opening them, so the read runs on a thread of its own and is given up after <see cref="Patience"/>.
/// </summary>
internal static class SettingFiles
{
    /// <summary>How long a file a setting names may take to read: a local file takes milliseconds.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(5);

    /// <summary>
    /// The file's first <paramref name="limit"/> bytes and no more, with a sentence for the operator when the file
    /// cannot be read, does not answer within <see cref="Patience"/>, or holds more than <paramref name="limit"/>
    /// bytes (<paramref name="tooLong"/> then says what a right file holds; null: the bytes are returned cut).
    /// </summary>
    public static (byte[]? Bytes, string? Problem) Read(string path, int limit, string? tooLong)
    {
        ArgumentNullException.ThrowIfNull(path);
        // A thread of its own, not the pool's: one blocked for good in open(2) must not take a pool thread with it.
        var reading = new TaskCompletionSource<byte[]>(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            try
            {
                reading.SetResult(ReadAtMost(path, limit + 1L));
            }
            catch (Exception e)
            {
                reading.SetException(e);
            }
        }) { IsBackground = true, Name = "setting file read" };
        thread.Start();

        if (Task.WhenAny(reading.Task, Task.Delay(Patience)).GetAwaiter().GetResult() != reading.Task)
        {
            return (null, $"did not answer a read within {Patience.TotalSeconds:0} s: it is not a regular file "
                + "(a FIFO, a terminal, a device?) or its file system is stalled; name a regular file");
        }

        if (reading.Task.Exception?.InnerException is { } failure)
        {
            return failure is IOException or UnauthorizedAccessException or NotSupportedException
                ? (null, $"cannot be read ({failure.Message.TrimEnd('.')})")
                : throw failure;
        }

        var bytes = reading.Task.Result;
        if (bytes.Length <= limit)
        {
            return (bytes, null);
        }

        return tooLong is null
            ? (bytes[..limit], null)
            : (null, $"holds more than {limit:N0} bytes (or is not a regular file): {tooLong}");
    }

    /// <summary>The longest name of one folder or file (in UTF-8 bytes) Linux file systems take.</summary>
    public const int MaxNameBytes = 255;

    /// <summary>The longest path (in UTF-8 bytes) Linux takes in one call: PATH_MAX, less its closing NUL.</summary>
    public const int MaxPathBytes = 4095;

    /// <summary>
    /// Why the file system will never take <paramref name="fullPath"/>, or null: a name too long passed the start and
    /// failed at first use (PathTooLongException), where a key file's lock was retried for 30 s per request.
    /// </summary>
    /// <param name="suffix">What files written beside it add to its name (".lock", a temporary copy's).</param>
    public static string? NameTooLong(string fullPath, int suffix = 0)
    {
        ArgumentNullException.ThrowIfNull(fullPath);
        var bytes = System.Text.Encoding.UTF8.GetByteCount(fullPath);
        if (bytes > MaxPathBytes - suffix)
        {
            return $"the path is {bytes:N0} bytes long, and a file system takes at most {Limit(MaxPathBytes, suffix)}";
        }

        var names = fullPath.Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
        for (var i = 0; i < names.Length; i++)
        {
            var limit = i == names.Length - 1 ? MaxNameBytes - suffix : MaxNameBytes;
            if (System.Text.Encoding.UTF8.GetByteCount(names[i]) is var nameBytes && nameBytes > limit)
            {
                return $"a name on its path ('{Quoted.Start(names[i])}') is {nameBytes:N0} bytes long, and a file "
                    + $"system takes at most {Limit(MaxNameBytes, i == names.Length - 1 ? suffix : 0)} for one name";
            }
        }

        return null;
    }

    private static string Limit(int most, int suffix) => suffix == 0
        ? $"{most:N0}"
        : $"{most - suffix:N0} here ({most:N0}, less {suffix} for the names of the files written beside it)";

    /// <summary>
    /// The first path on the way up from <paramref name="folder"/> (itself included) that is a file, or null: a folder
    /// to be made under a file cannot be, and .NET's "The file '/etc/passwd' already exists" did not say which one.
    /// </summary>
    public static string? FileAlongThePath(string folder)
    {
        for (var path = Path.GetFullPath(folder); !string.IsNullOrEmpty(path); path = Path.GetDirectoryName(path))
        {
            if (File.Exists(path))
            {
                return path;
            }
        }

        return null;
    }

    /// <summary>
    /// The file's first <paramref name="limit"/> bytes, waiting as long as it takes: bounded only in size, so only
    /// ever run on <see cref="Read"/>'s thread. The files verbs name (a checkpoint, a receipt) used it directly, and
    /// a FIFO with no writer hung the verb.
    /// </summary>
    private static byte[] ReadAtMost(string path, long limit)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1,
            FileOptions.None);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while (buffer.Length < limit
               && (read = stream.Read(chunk, 0, (int)Math.Min(chunk.Length, limit - buffer.Length))) > 0)
        {
            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
