using System.Diagnostics;
using ProductQuality.Graph.Schema;

namespace ProductQuality.Graph.Tests.WebSockets;

/// <summary>
/// The npm graphql-ws client (tests/ws-client/client.mjs) run by Node.js, as a partner's program would use it.
/// </summary>
internal static class GraphQLWsClient
{
    public static string Folder =>
        Path.Combine(
            Path.GetDirectoryName(SchemaFiles.FindSchemaFolder(AppContext.BaseDirectory))!, "tests", "ws-client");

    public static bool IsInstalled => File.Exists("/usr/bin/node")
        && Directory.Exists(Path.Combine(Folder, "node_modules", "graphql-ws"));

    /// <summary>Runs one operation; the exit code, the events (JSON lines) and standard error.</summary>
    public static async Task<(int ExitCode, List<string> Events, string Error)> RunAsync(
        Uri server, string? token, string query, string? variablesJson = null, int events = 1)
    {
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = Folder, UseShellExecute = false,
            RedirectStandardOutput = true, RedirectStandardError = true,
        };
        start.ArgumentList.Add("client.mjs");
        start.ArgumentList.Add(new UriBuilder(server) { Scheme = "ws", Path = "/graphql" }.Uri.ToString());
        start.ArgumentList.Add(token ?? "");
        start.ArgumentList.Add(query);
        start.ArgumentList.Add(variablesJson ?? "");
        start.ArgumentList.Add(events.ToString(System.Globalization.CultureInfo.InvariantCulture));
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        var lines = (await output).Split('\n', StringSplitOptions.RemoveEmptyEntries).ToList();
        return (process.ExitCode, lines, await error);
    }
}

/// <summary>
/// A test that runs the npm graphql-ws client. Skipped on a developer machine without Node.js or without
/// <c>npm ci --prefix tests/ws-client</c>; in CI (CI=true) it runs, and a missing client fails it: <c>.ci/run</c>
/// installs it.
/// </summary>
public sealed class GraphQLWsClientFactAttribute : FactAttribute
{
    public GraphQLWsClientFactAttribute()
    {
        var inCi = string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
        if (!inCi && !GraphQLWsClient.IsInstalled)
        {
            Skip = "The graphql-ws client tests need Node.js and `npm ci --prefix tests/ws-client`.";
        }
    }
}
