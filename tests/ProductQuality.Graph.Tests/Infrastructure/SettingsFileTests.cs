namespace ProductQuality.Graph.Tests.Infrastructure;

/// <summary>
/// An appsettings file that cannot be read as one stops the server and every verb with exit code 3 and a sentence
/// naming it. A FIFO named appsettings.json, or the environment's file, held the process for good with no word; a
/// link to /dev/zero read until memory ran out; a folder of the environment file's name was passed over, so its
/// settings silently never applied (the configuration probe).
/// </summary>
public sealed class SettingsFileTests
{
    public static TheoryData<string, string, string[], string> Cases => new()
    {
        { "appsettings.json", "fifo", [], "did not answer a read within 5 s" },
        { "appsettings.Staging.json", "fifo", ["token", "--department", "drc"], "did not answer a read within 5 s" },
        { "appsettings.json", "/dev/zero", ["report"], "holds more than 16,777,216 bytes" },
        { "appsettings.Staging.json", "folder", [], "is a folder, so the settings meant for it are never read" },
        { "appsettings.Staging.json", "loop", ["recompute"], "which leads to no file" },
        { "appsettings.Staging.json", "dangling", ["audit", "verify"], "which leads to no file" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_settings_file_that_cannot_be_read_stops_the_start_with_its_name(string name, string kind,
        string[] verb, string said)
    {
        using var process = new VerbProcess { Timeout = TimeSpan.FromSeconds(60) };
        process.Environment["ASPNETCORE_ENVIRONMENT"] = "Staging";
        var path = Path.Combine(process.Folder, name);
        File.Delete(path);
        switch (kind)
        {
            case "fifo":
                await RunAsync("mkfifo", path);
                break;
            case "folder":
                Directory.CreateDirectory(path);
                break;
            case "dangling":
                File.CreateSymbolicLink(path, path + ".gone");
                break;
            case "loop":
                File.CreateSymbolicLink(path, path + ".other");
                File.CreateSymbolicLink(path + ".other", path);
                break;
            default:
                File.CreateSymbolicLink(path, kind);
                break;
        }

        // Old code: the FIFO held the process until the timeout, which fails the test.
        var (exit, _, error) = await process.RunAsync([.. verb, "--urls", "http://127.0.0.1:0"]);

        Assert.True(exit == 3, $"exit {exit}: {error}");
        var sentence = error.Split('\n')[0];
        Assert.StartsWith($"Settings file '{path}' ", sentence, StringComparison.Ordinal);
        Assert.Contains(said, sentence, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
        Assert.False(File.Exists(process.DefaultDatabase), "the database was touched before the settings were read");
    }

    private static async Task RunAsync(string file, params string[] args)
    {
        using var run = System.Diagnostics.Process.Start(file, args);
        await run.WaitForExitAsync();
        Assert.Equal(0, run.ExitCode);
    }
}
