namespace ProductQuality.Graph.Infrastructure;

/// <summary>
/// The operating system's lock on a file beside what it guards (a database, a key file, an archive folder's mark):
/// the file opened with a <see cref="FileShare"/> (flock on Unix), so the lock ends when the stream is closed or its
/// process dies, and no stale lock is left to judge. The lock file itself is never removed: removing it would let two
/// processes lock two files of one name.
/// </summary>
internal static class FileLock
{
    /// <summary>
    /// Whether a refusal of <see cref="TryTake"/> is another process's lock (EAGAIN/EWOULDBLOCK on Unix, a sharing or
    /// lock violation on Windows), not a folder or file system that refuses the file (read-only, full, gone).
    /// </summary>
    public static bool IsHeldElsewhere(IOException refused) =>
        refused.HResult is 11 or 35 or unchecked((int)0x80070020) or unchecked((int)0x80070021);

    /// <summary>
    /// The lock, held until the stream is disposed; null, with the operating system's reason, when another process
    /// holds it in a way <paramref name="share"/> does not allow (or the folder refuses the file).
    /// </summary>
    public static FileStream? TryTake(string path, FileShare share, out IOException? refused)
    {
        try
        {
            refused = null;
            return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, share);
        }
        catch (IOException e)
        {
            refused = e;
            return null;
        }
    }
}
