using Microsoft.Extensions.Options;
using ProductQuality.Graph.Infrastructure;

namespace ProductQuality.Graph.Audit.Retention;

/// <summary>Retention settings checked at start: one sentence per mistake, exit code 3 (never a crash later).</summary>
internal sealed class RetentionValidation : IValidateOptions<AccessLogOptions>
{
    private const string S = AccessLogOptions.Section + ":Retention";

    public ValidateOptionsResult Validate(string? name, AccessLogOptions options)
    {
        var retention = options.Retention;
        var problems = new List<string>();
        if (retention.Days is < 0 or > RetentionOptions.MaxDays)
        {
            problems.Add($"Setting {S}:Days is {retention.Days}, which is not allowed: a whole number of days from 0 "
                + $"(keep every entry for ever) to {RetentionOptions.MaxDays}.");
        }

        if (retention.BatchSize is < 1 or > 1_000_000)
        {
            problems.Add($"Setting {S}:BatchSize is {retention.BatchSize}, which is not allowed: between 1 and "
                + "1000000 entries per archive file.");
        }

        if (FolderProblem(retention.Folder) is { } folder)
        {
            problems.Add($"Setting {S}:Folder is '{retention.Folder}', which is not allowed: {folder}.");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    private static string? FolderProblem(string? folder)
    {
        if (string.IsNullOrWhiteSpace(folder))
        {
            return "name a folder for the archive files, such as data/access-log-archive";
        }

        if (folder.IndexOfAny(Path.GetInvalidPathChars()) >= 0)
        {
            return "it holds characters a path cannot";
        }

        // A file further up the path was found only by the archiver (health Degraded; 'audit archive' exit 1).
        return SettingFiles.FileAlongThePath(folder) is not { } file ? null
            : file == Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder)) ? "it is a file; name a folder"
            : $"'{file}' on its path is a file, not a folder; name a folder this server may create and write";
    }
}
