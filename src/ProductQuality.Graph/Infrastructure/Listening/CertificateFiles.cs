namespace ProductQuality.Graph.Infrastructure.Listening;

/// <summary>
/// The certificate files Kestrel's settings name (<c>Kestrel:Certificates:*:Path</c> and <c>KeyPath</c>, and each
/// endpoint's <c>Certificate</c>), checked before anything starts. Kestrel opens them with a plain read as it starts,
/// even for http addresses only: a FIFO held the start for good (and the process no longer stopped on SIGTERM),
/// /dev/zero until it was killed; a folder or a file that is not there came out in the runtime's words ("Access to the
/// path … is denied", "Could not find a part of the path") after the database was migrated, naming no setting (the
/// configuration probe). Whether the bytes are a certificate Kestrel takes is still Kestrel's to say.
/// </summary>
internal static class CertificateFiles
{
    // A certificate with its chain is a few KB; a PFX with a long chain some tens.
    private const int MaxBytes = 1024 * 1024;

    // The settings of a certificate section that name a file, and what it holds.
    private static readonly (string Key, string Holds)[] Files =
        [("Path", "the certificate (PEM or PFX)"), ("KeyPath", "its key (PEM)")];

    public static IEnumerable<string> Problems(IConfiguration settings)
    {
        // Kestrel takes a relative path from the content root.
        var root = settings[HostDefaults.ContentRootKey] is { Length: > 0 } given
            ? given
            : Directory.GetCurrentDirectory();
        var sections = settings.GetSection("Kestrel:Certificates").GetChildren()
            .Concat(ListenSettings.KestrelEndpoints(settings).Select(e => e.GetSection("Certificate")));
        foreach (var section in sections)
        {
            foreach (var (key, holds) in Files)
            {
                if (section[key] is { } value && Problem(value, root) is { } problem)
                {
                    yield return $"Setting {section.Path}:{key} is '{Quoted.Start(value)}', which {problem}: name the "
                        + $"file that holds {holds}.";
                }
            }
        }
    }

    private static string? Problem(string value, string root)
    {
        string path;
        try
        {
            path = Path.GetFullPath(value, Path.GetFullPath(root));
        }
        catch (ArgumentException)
        {
            return "is not a path";
        }

        if (Directory.Exists(path))
        {
            return "is a folder";
        }

        if (!File.Exists(path))
        {
            return SettingFiles.FileAlongThePath(path) is { } file
                ? $"is not there ('{Quoted.Start(file, 200)}' on its path is a file)"
                : "is not there";
        }

        var (bytes, problem) = SettingFiles.Read(path, MaxBytes, tooLong: "a certificate file holds a few KB");
        return problem ?? (bytes is { Length: 0 } ? "is empty" : null);
    }
}
