namespace ProductQuality.Graph.Infrastructure;

/// <summary>
/// Checks the appsettings files before the host reads them, for the server and every verb. The configuration's JSON
/// provider opens them with a plain read: a FIFO named appsettings.json (or appsettings.Production.json) held the
/// server and every verb for good, printing nothing; a link to /dev/zero read until memory ran out; a folder of that
/// name was passed over, so the settings meant for it silently never applied; a link in a loop came out as the
/// runtime's "Too many levels of symbolic links" (the configuration probe).
/// </summary>
internal static class SettingsFileCheck
{
    // Far beyond any settings file: the example, every setting described, is about 30 KB.
    private const int MaxBytes = 16 * 1024 * 1024;

    /// <summary>Throws <see cref="SettingsFileException"/> for the first settings file that cannot be read.</summary>
    public static void ThrowIfUnreadable(string[] args)
    {
        // Where the host looks, from the sources it takes its content root and environment from, in its order.
        IConfiguration host;
        try
        {
            host = new ConfigurationBuilder()
                .AddEnvironmentVariables("DOTNET_")
                .AddEnvironmentVariables("ASPNETCORE_")
                .AddCommandLine(args)
                .Build();
        }
        catch (FormatException)
        {
            return;   // arguments the command line refuses ("-Key=value"), which CommandLine says in its sentence
        }

        var root = host[HostDefaults.ContentRootKey] is { Length: > 0 } given
            ? Path.GetFullPath(given)
            : Directory.GetCurrentDirectory();
        var environment = host[HostDefaults.EnvironmentKey] is { Length: > 0 } named ? named : Environments.Production;
        foreach (var name in new[] { "appsettings.json", $"appsettings.{environment}.json" })
        {
            var path = Path.Combine(root, name);
            if (Problem(path) is { } problem)
            {
                throw new SettingsFileException($"Settings file '{Quoted.Start(path, 400)}' {problem}.");
            }
        }
    }

    private static string? Problem(string path)
    {
        if (Directory.Exists(path))
        {
            return "is a folder, so the settings meant for it are never read: remove it, or make it a file of "
                + "settings (JSON)";
        }

        // A link counts as there even when it leads nowhere; the JSON provider then failed with the runtime's words.
        var info = new FileInfo(path);
        if (!info.Exists)
        {
            return null;
        }

        if (info.LinkTarget is { } target && !LeadsToAFile(info))
        {
            return $"is a link to '{Quoted.Start(target, 400)}', which leads to no file (it is not there, or the "
                + "links go round in a loop): point it at the settings file, or remove it";
        }

        return SettingFiles.Read(path, MaxBytes, tooLong: "a settings file is JSON of a few KB; put yours there")
            .Problem;
    }

    private static bool LeadsToAFile(FileInfo link)
    {
        try
        {
            return link.ResolveLinkTarget(returnFinalTarget: true) is { Exists: true };
        }
        catch (IOException)
        {
            return false;   // too many levels of links: a loop
        }
    }
}
