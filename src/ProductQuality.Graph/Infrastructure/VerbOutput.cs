namespace ProductQuality.Graph.Infrastructure;

/// <summary>
/// Files a verb writes where its <c>--out</c> says (a checkpoint, the schema files). One that cannot be written is said
/// with its path and why, as a sentence (exit code 1): .NET's "Could not find file '/proc/x.json'" read as if a file
/// to be read were missing (the fuzz probe).
/// </summary>
internal static class VerbOutput
{
    public static async Task WriteAsync(string path, string text)
    {
        try
        {
            var folder = Path.GetDirectoryName(Path.GetFullPath(path));
            if (!string.IsNullOrEmpty(folder))
            {
                Directory.CreateDirectory(folder);
            }

            // On a thread of its own and given up after a while: a FIFO without a reader blocks the open for good, and
            // 'audit checkpoint --out' named one hung after its whole walk, with no word (the files probe).
            var writing = Task.Factory.StartNew(() => File.WriteAllText(path, text), CancellationToken.None,
                TaskCreationOptions.LongRunning, TaskScheduler.Default);
            if (await Task.WhenAny(writing, Task.Delay(SettingFiles.Patience)) != writing)
            {
                throw new IOException($"it did not take the text within {SettingFiles.Patience.TotalSeconds:0} s: "
                    + "it is not a regular file (a FIFO without a reader, a terminal?) or its file system is stalled");
            }

            await writing;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException && e is not VerbOutputException)
        {
            throw new VerbOutputException(path, e);
        }
    }

    // Why, in words: the runtime's messages name the operation it tried ("Could not find file", "Access to the path …
    // is denied"), not what the writer should do.
    // A file on the folder's path is named: "its folder does not take new files" sent the writer looking at the
    // folder's permissions.
    private static string Why(string path, Exception e) => e switch
    {
        IOException when SettingFiles.FileAlongThePath(Path.GetDirectoryName(Path.GetFullPath(path)) ?? "/")
            is { } file => $"'{file}' on its path is a file, not a folder",
        UnauthorizedAccessException => "this user may not write it or create it in its folder",
        FileNotFoundException or DirectoryNotFoundException =>
            "its folder does not take new files (a system folder such as /proc or /sys), or is not there",
        _ => e.Message.TrimEnd('.'),
    };

    /// <summary>A file a verb could not write: its message is the whole sentence to print.</summary>
    internal sealed class VerbOutputException(string path, Exception inner)
        : IOException(
            $"'{path}' cannot be written: {Why(path, inner)}. Name a file in a folder this user may write.", inner);
}
