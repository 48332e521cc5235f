using Microsoft.Extensions.Options;
using ProductQuality.Graph.Infrastructure;
using ProductQuality.Graph.Tests.Infrastructure;

namespace ProductQuality.Graph.Tests.Audit.Retention;

/// <summary>
/// Retention settings an operator can get wrong stop the server and the verbs at start with exit code 3 and one
/// sentence naming the setting and what is allowed — before the database or the archive is touched; random values
/// are either accepted or refused that way, never a crash.
/// </summary>
public sealed class RetentionSettingsTests
{
    private const string S = "--AccessLog:Retention:";

    public static TheoryData<string, string, string> Cases => new()
    {
        { S + "Days=-1", "Setting AccessLog:Retention:Days is -1", "from 0 (keep every entry for ever) to 36500" },
        { S + "Days=40000", "Setting AccessLog:Retention:Days is 40000", "to 36500" },
        { S + "Days=a year", "Setting AccessLog:Retention:Days is 'a year'", "a whole number" },
        { S + "Days=1.5", "Setting AccessLog:Retention:Days is '1.5'", "a whole number" },
        // A time of day, said as given: 25:00:00 was echoed as 25.00:00:00 and 'at night' called "a duration".
        { S + "RunAt=1.01:00:00", "Setting AccessLog:Retention:RunAt is '1.01:00:00'", "a time of day" },
        { S + "RunAt=25:00:00", "Setting AccessLog:Retention:RunAt is '25:00:00'", "such as 03:00:00" },
        { S + "RunAt=-01:00:00", "Setting AccessLog:Retention:RunAt is '-01:00:00'", "from 00:00:00 to 23:59:59" },
        { S + "RunAt=at night", "Setting AccessLog:Retention:RunAt is 'at night'", "a time of day from" },
        { S + "BatchSize=0", "Setting AccessLog:Retention:BatchSize is 0", "between 1 and 1000000" },
        { S + "Folder= ", "Setting AccessLog:Retention:Folder is ' '", "name a folder" },
        { S + "Folder=appsettings.json", "Setting AccessLog:Retention:Folder is 'appsettings.json'", "it is a file" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task The_server_stops_with_exit_code_3_and_names_the_setting(string setting, string names,
        string allowed)
    {
        using var process = new VerbProcess();
        var result = await process.RunAsync(setting, "--urls", "http://127.0.0.1:0");
        Assert.True(result.ExitCode == 3, $"exit {result.ExitCode}: {result.Error}");
        var sentence = result.Error.Split('\n')[0];
        Assert.StartsWith(names, sentence, StringComparison.Ordinal);
        Assert.Contains(allowed, sentence, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(process.DefaultDatabase), "the database was touched before the settings were checked");
        Assert.False(Directory.Exists(Path.Combine(process.Folder, "data", "access-log-archive")));
    }

    [Fact]
    public async Task The_archive_verb_stops_the_same_way()
    {
        using var process = new VerbProcess();
        var result = await process.RunAsync("audit", "archive", S + "Days=-5");
        Assert.Equal(3, result.ExitCode);
        Assert.StartsWith("Setting AccessLog:Retention:Days is -5", result.Error, StringComparison.Ordinal);
    }

    /// <summary>
    /// A folder that cannot be made (a file on its path, /proc) was .NET's "Could not find a part of the path",
    /// naming neither the setting nor what was wrong (the docs probe). A file on its path is found at start now, as a
    /// Folder that is itself a file was (exit 3): the server started Degraded with it, 'audit archive' exited 1.
    /// </summary>
    [Fact]
    public async Task An_archive_folder_that_cannot_be_made_is_named_with_its_setting_and_why()
    {
        using var process = new VerbProcess();
        var file = Path.Combine(process.Folder, "a-file");
        await File.WriteAllTextAsync(file, "not a folder");
        Assert.Equal(0, (await process.RunAsync("seed", "--enterprises", "5")).ExitCode);

        var result = await process.RunAsync("audit", "archive", S + "Days=1", S + $"Folder={file}/archive");

        Assert.True(result.ExitCode == 3, $"exit {result.ExitCode}: {result.Error}");
        Assert.StartsWith($"Setting AccessLog:Retention:Folder is '{file}/archive', which is not allowed: '{file}' on "
            + "its path is a file, not a folder", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Random_values_are_accepted_or_refused_with_a_sentence_never_a_crash()
    {
        var random = new Random(20261203);
        string[] names = ["Days", "RunAt", "BatchSize", "Folder"];
        string[] pieces = ["-", "0", "1", "9", "24", ":", ".", "e", " ", "天", "/", "\\", "99999999999", "00:00:00"];
        for (var i = 0; i < 300; i++)
        {
            var name = names[random.Next(names.Length)];
            var value = string.Concat(Enumerable.Range(0, random.Next(0, 5)).Select(_ => pieces[random.Next(
                pieces.Length)]));
            try
            {
                using var host = CommandLine.BuildHost([$"{S}{name}={value}"]);
            }
            catch (OptionsValidationException e)
            {
                Assert.All(e.Failures, f => Assert.StartsWith($"Setting AccessLog:Retention:{name} ", f,
                    StringComparison.Ordinal));
            }
        }
    }
}
