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

        var path = Path.GetFullPath(file);
        if (Directory.Exists(path))
        {
            return $"Setting {setting} is '{file}', which is a folder: name a file, which must hold {holds} "
                + "(it is generated when missing).";
        }

        if (!File.Exists(path))
        {
            return null;
        }

        // Bounded in size and time: /dev/zero read to the end ran out of memory, a FIFO never answered.
        var (bytes, unreadable) = SettingFiles.Read(path, MaxBytes, $"a key file holds {holds}");
        if (unreadable is not null)
        {
            return $"Setting {setting} is '{file}', which {unreadable}.";
        }

        var text = System.Text.Encoding.UTF8.GetString(bytes!);
        return isKey(text)
            ? null
            : $"Setting {setting} is '{file}', which does not hold {holds}: restore the key, or delete the file to "
                + "have a new one generated (what the old key signed then no longer verifies).";
    }
}
