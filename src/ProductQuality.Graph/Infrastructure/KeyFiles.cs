namespace ProductQuality.Graph.Infrastructure;

/// <summary>
/// The development key files (<c>Auth:DevelopmentKeyFile</c>, <c>Access:EnterpriseTokens:DevelopmentKeyFile</c>,
/// <c>Receipts:DevelopmentKeyFile</c>) are generated when missing and read on first use, which is after the start: a
/// damaged one, or a folder, answered every bearer request 500 or crashed a verb. Their validations check them here at
/// start instead, so the process stops with exit code 3 and a sentence.
/// </summary>
internal static class KeyFiles
{
    /// <summary>A key's text is a few hundred bytes (a PEM EC key, base64 of 32 bytes); more is another file.</summary>
    public const int MaxBytes = 64 * 1024;

    /// <summary>How much of a key file's name an error at first use quotes: no 100 KB echo, twice.</summary>
    private const int ShownLength = 200;

    /// <summary>
    /// The most the files written beside the key add to its name: its temporary copy's ".{pid}.{guid}.new" (a name
    /// that fit by itself left no room for them, and generating the key failed at first use).
    /// </summary>
    private const int SiblingSuffix = 48;

    /// <summary>
    /// What is wrong with the key file <paramref name="setting"/> names, or null: also when it is not there yet, since
    /// it is then generated.
    /// </summary>
    /// <param name="holds">What the file must hold, e.g. "base64 of at least 32 bytes".</param>
    /// <param name="isKey">Whether the file's text is such a key.</param>
    public static string? Problem(string setting, string? file, string holds, Func<string, bool> isKey)
    {
        ArgumentNullException.ThrowIfNull(isKey);
        if (string.IsNullOrWhiteSpace(file))
        {
            return $"Setting {setting} is empty: name the file that keeps the generated key (it holds {holds}).";
        }

        // Escaped here and cut where the sentence is printed (StartupFailure keeps a long quote's start and its true
        // length): cut here too, a 100 KB name was said to be "(201 characters)".
        var shown = Quoted.Start(file, int.MaxValue);
        var path = Path.GetFullPath(file);
        // The room for the lock and the temporary copy is needed only to generate the key: one there is read.
        if (SettingFiles.NameTooLong(path, File.Exists(path) ? 0 : SiblingSuffix) is { } tooLong)
        {
            return $"Setting {setting} is '{shown}', which is not allowed: {tooLong}. Name a file with a shorter path.";
        }

        if (Directory.Exists(path))
        {
            return $"Setting {setting} is '{shown}', which is a folder: name a file, which must hold {holds} "
                + "(it is generated when missing).";
        }

        if (!File.Exists(path))
        {
            return WhereItCannotBeWritten(path) is { } why
                ? $"Setting {setting} is '{shown}', which is not there and cannot be generated: {why}. Name a file in "
                    + "a folder this process may create and write."
                : null;
        }

        // Bounded in size and time: /dev/zero read to the end ran out of memory, a FIFO never answered.
        var (bytes, unreadable) = SettingFiles.Read(path, MaxBytes, $"a key file holds {holds}");
        if (unreadable is not null)
        {
            return $"Setting {setting} is '{shown}', which {unreadable}.";
        }

        var text = System.Text.Encoding.UTF8.GetString(bytes!);
        return isKey(text)
            ? null
            : $"Setting {setting} is '{shown}', which does not hold {holds}: restore the key, or delete the file to "
                + "have a new one generated (what the old key signed then no longer verifies).";
    }

    /// <summary>
    /// Why a missing key file could not be generated at <paramref name="path"/>, or null when it can: found at start,
    /// so the process stops with the setting's name. Found at first use, "The file '/etc/passwd' already exists" or
    /// "Access to the path '/sys/k.lock' is denied" came with exit code 1 and no setting named (the files probe).
    /// Nothing is left behind: the nearest folder on the path that exists must be a folder this process may write
    /// (a file is written in it and removed), and the folders below it are made only when the key is generated.
    /// </summary>
    private static string? WhereItCannotBeWritten(string path)
    {
        var folder = Path.GetDirectoryName(path)!;
        if (SettingFiles.FileAlongThePath(folder) is { } file)
        {
            return $"'{file}' on its path is a file, not a folder";
        }

        string? along = folder;
        while (!string.IsNullOrEmpty(along) && !Directory.Exists(along))
        {
            along = Path.GetDirectoryName(along);
        }

        if (string.IsNullOrEmpty(along))
        {
            return null;
        }

        try
        {
            using var probe = new FileStream(Path.Combine(along, $".key-write-check-{Guid.NewGuid():N}"),
                FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose);
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return $"this user may not write in the folder '{along}'";
        }
        catch (IOException e)
        {
            return $"the folder '{along}' cannot be written ({e.Message.TrimEnd('.')})";
        }
    }

    /// <summary>
    /// The key file's text, generated first when it is missing. Several processes may start at once over one folder
    /// (servers, a token verb): checking for the file and then writing it let one read another's half-written key
    /// (and fail) or keep a key that another's write then replaced. The one that holds the lock file beside it writes
    /// the key whole and renames it in place; the others wait for the key and read it. The lock is the operating
    /// system's (<see cref="FileLock"/>), so a process that dies lets it go with no stale file to judge.
    /// The key is readable and writable by its owner only.
    /// </summary>
    public static string ReadOrCreate(string path, Func<string> generate)
    {
        ArgumentNullException.ThrowIfNull(generate);
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (!File.Exists(path))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var lockPath = path + ".lock";
            if (FileLock.TryTake(lockPath, FileShare.None, out var refused) is not { } held)
            {
                // Held by another process writing the key: waited for. Any other refusal (a name too long, a file
                // system that is read-only or full) does not pass by waiting, and a request waited 30 s to learn it.
                if (!FileLock.IsHeldElsewhere(refused!))
                {
                    throw new IOException($"The key file {Quoted.Start(path, ShownLength)} cannot be generated: its "
                        + $"lock {Quoted.Start(lockPath, ShownLength)} cannot be created "
                        + $"({Quoted.Start(refused!.Message.TrimEnd('.'), ShownLength)}).", refused);
                }

                if (waited.Elapsed > MaxWait)
                {
                    throw new IOException($"The key file {Quoted.Start(path, ShownLength)} was not written within "
                        + $"{MaxWait.TotalSeconds:0} s and its lock is held by another process: {refused!.Message}",
                        refused);
                }

                Thread.Sleep(20);
                continue;
            }

            using (held)
            {
                if (!File.Exists(path))
                {
                    Write(path, generate());
                }
            }
        }

        return File.ReadAllText(path);
    }

    /// <summary>How long a process waits for another to write the key before it gives up, saying why.</summary>
    private static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(30);

    // Written whole beside the key, then renamed in place (atomic): nobody reads a key half-written.
    private static void Write(string path, string text)
    {
        var fresh = $"{path}.{Environment.ProcessId}.{Guid.NewGuid():N}.new";
        try
        {
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            using (var file = new FileStream(fresh, options))
            {
                file.Write(System.Text.Encoding.UTF8.GetBytes(text));
                file.Flush(flushToDisk: true);
            }

            File.Move(fresh, path, overwrite: true);
        }
        finally
        {
            File.Delete(fresh);
        }
    }
}
