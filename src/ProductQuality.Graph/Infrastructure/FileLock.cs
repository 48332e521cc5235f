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
