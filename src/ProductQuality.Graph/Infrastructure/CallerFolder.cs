namespace ProductQuality.Graph.Infrastructure;

/// <summary>
/// The folder a verb was typed in, against which the files named on its command line are taken. README's
/// <c>dotnet run --project src/ProductQuality.Graph -- receipt verify kept.json</c>, typed in the repository's root,
/// was told kept.json "does not exist", and <c>audit checkpoint --out head.json</c> wrote into the project's folder:
/// the Web SDK runs the program in its project's folder (so that appsettings.json is found), and the shell's own
/// folder reaches it only as <c>PWD</c>.
/// </summary>
/// <remarks>
/// <c>PWD</c> is trusted only in a project folder (one holding a .csproj), where nothing but <c>dotnet run</c> puts
/// the program while the shell stands elsewhere; a program started from its build folder, by a shell or by a tool
/// whose <c>PWD</c> is stale, takes paths from its working folder as any program does. Settings
/// (<c>Database:ConnectionString</c>, <c>AccessLog:Retention:Folder</c>) are not command-line files: the server and
/// the verbs read them alike, from the working folder.
/// </remarks>
internal static class CallerFolder
{
    // The command-line options that name a file or folder (receipt verify's FILE is resolved by its verb).
    private static readonly string[] PathOptions = ["--out", "--archive", "--checkpoint"];

    /// <summary>The folder the command was typed in.</summary>
    public static string Folder { get; } =
        Find(Directory.GetCurrentDirectory(), Environment.GetEnvironmentVariable("PWD"));

    /// <summary>A path named on the command line, as the user meant it; unchanged where both folders agree.
    /// </summary>
    public static string Resolve(string path) => Resolve(path, Folder);

    /// <summary>The command line with its path options' values resolved (see <see cref="Resolve(string)"/>).
    /// </summary>
    public static string[] ResolvePathOptions(string[] args) => ResolvePathOptions(args, Folder);

    internal static string Resolve(string path, string folder) =>
        path.Length == 0 || Path.IsPathFullyQualified(path) || SameFolder(folder, Directory.GetCurrentDirectory())
            ? path
            : Path.GetFullPath(path, folder);

    internal static string[] ResolvePathOptions(string[] args, string folder) =>
        [.. args.Select((arg, i) => i > 0 && PathOptions.Contains(args[i - 1]) ? Resolve(arg, folder) : arg)];

    internal static string Find(string current, string? shell) =>
        shell is { Length: > 0 } && Path.IsPathFullyQualified(shell) && Directory.Exists(shell)
            && !SameFolder(shell, current) && Directory.EnumerateFiles(current, "*.csproj").Any()
            ? Path.GetFullPath(shell)
            : current;

    private static bool SameFolder(string a, string b) =>
        string.Equals(Path.TrimEndingDirectorySeparator(Path.GetFullPath(a)),
            Path.TrimEndingDirectorySeparator(Path.GetFullPath(b)), StringComparison.Ordinal);
}
