using System.Diagnostics;

namespace ProductQuality.Graph.Tests.Infrastructure;

/// <summary>
/// Runs the built server (ProductQuality.Graph.dll next to the tests) as a process in a fresh folder holding only a
/// copy of appsettings.json — the way an operator runs a verb — so a setting that is ignored shows as the default
/// database (data/productquality.db) appearing in that folder. Disposing deletes the folder.
/// </summary>
public sealed class VerbProcess : IDisposable
{
    public VerbProcess()
    {
        Folder = Directory.CreateTempSubdirectory("pq-verb-").FullName;
        File.Copy(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), Path.Combine(Folder, "appsettings.json"));
    }

    public string Folder { get; }

    /// <summary>The default SQLite file, which no verb here may touch.</summary>
    public string DefaultDatabase => Path.Combine(Folder, "data", "productquality.db");

    /// <summary>Environment variables the process gets besides the test's own (ASPNETCORE_ENVIRONMENT, …).</summary>
    public Dictionary<string, string> Environment { get; } = new(StringComparer.Ordinal);

    /// <summary>How long the process may run; then it is killed and the test fails (a server that started).</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(5);

    public async Task<(int ExitCode, string Out, string Error)> RunAsync(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Folder, UseShellExecute = false,
            RedirectStandardOutput = true, RedirectStandardError = true,
        };
        foreach (var (name, value) in Environment)
        {
            start.Environment[name] = value;
        }

        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "ProductQuality.Graph.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(Timeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"'{string.Join(' ', args)}' still ran after {Timeout}: {await error}");
        }

        return (process.ExitCode, await output, await error);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(Folder, recursive: true);
    }
}
