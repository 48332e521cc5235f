using System.Runtime.InteropServices;

namespace ProductQuality.Graph.Audit.Retention;

/// <summary>
/// Writes a file so that once it has its name it is complete and on disk: written under a temporary name, flushed to
/// the device, renamed, and the folder itself flushed (on Linux and macOS a rename is durable only once its folder
/// is) — only then may the archiver remove the entries from the database.
/// </summary>
internal static class DurableFile
{
    public static async Task WriteAsync(string path, Action<Stream> write, CancellationToken cancellationToken)
    {
        var partial = path + ArchiveFile.PartialExtension;
        await using (var stream = new FileStream(partial, FileMode.Create, FileAccess.Write, FileShare.None,
            bufferSize: 1 << 16, FileOptions.None))
        {
            write(stream);
            await stream.FlushAsync(cancellationToken);
            stream.Flush(flushToDisk: true);
        }

        File.Move(partial, path, overwrite: false);
        FlushFolder(Path.GetDirectoryName(Path.GetFullPath(path))!);
    }

    /// <summary>fsync of the folder, so the rename survives a power cut (Windows has no such call; NTFS journals
    /// the rename itself).</summary>
    private static void FlushFolder(string folder)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var fd = Open(System.Text.Encoding.UTF8.GetBytes(folder + "\0"), 0 /* O_RDONLY */);
        if (fd < 0)
        {
            throw new IOException(
                $"Could not open the archive folder to flush it (errno {Marshal.GetLastPInvokeError()}).");
        }

        try
        {
            if (Fsync(fd) != 0)
            {
                throw new IOException($"Could not flush the archive folder (errno {Marshal.GetLastPInvokeError()}).");
            }
        }
        finally
        {
            _ = Close(fd);
        }
    }

    // DllImport with blittable arguments (the path as NUL-terminated UTF-8 bytes): LibraryImport would need unsafe
    // code enabled for the whole project.
#pragma warning disable SYSLIB1054
    [DllImport("libc", EntryPoint = "open", SetLastError = true)]
    private static extern int Open(byte[] path, int flags);

    [DllImport("libc", EntryPoint = "fsync", SetLastError = true)]
    private static extern int Fsync(int fd);

    [DllImport("libc", EntryPoint = "close", SetLastError = true)]
    private static extern int Close(int fd);
#pragma warning restore SYSLIB1054
}
