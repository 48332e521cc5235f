using System.Diagnostics;
using System.Text.Json;
using ProductQuality.Graph.Tests.WebSockets;

namespace ProductQuality.Graph.Tests.Transport;

/// <summary>
/// graphql-http's audit suite of the GraphQL over HTTP specification (npm, tests/ws-client/audit.mjs), run unchanged
/// against the server on a real socket, as a partner checking conformance with a third-party tool would: every MUST
/// and every SHOULD (61 audits in graphql-http 1.23.1) must pass, for a department and for the public. Our own
/// transport tests check the same rules one by one; this checks them as the ecosystem's reference reads them.
/// </summary>
public sealed class GraphQLHttpAuditTests(GraphQLHttpAuditTests.Server server)
    : IClassFixture<GraphQLHttpAuditTests.Server>
{
    [GraphQLWsClientFact]
    public async Task A_department_passes_every_audit_of_the_GraphQL_over_HTTP_specification() =>
        AssertEveryAuditPasses(await RunAuditAsync(server.Token("finance")));

    [GraphQLWsClientFact]
    public async Task The_public_passes_every_audit_of_the_GraphQL_over_HTTP_specification() =>
        AssertEveryAuditPasses(await RunAuditAsync(token: null));

    private static void AssertEveryAuditPasses((int ExitCode, List<JsonElement> Audits, string Error) run)
    {
        Assert.True(run.Audits.Count >= 50, $"the audit suite ran {run.Audits.Count} audits: {run.Error}");
        var failed = run.Audits
            .Where(audit => audit.GetProperty("status").GetString() != "ok")
            .Select(audit => audit.ToString())
            .ToList();
        Assert.True(failed.Count == 0, string.Join('\n', failed));
        Assert.True(run.ExitCode == 0, run.Error);
    }

    private async Task<(int ExitCode, List<JsonElement> Audits, string Error)> RunAuditAsync(string? token)
    {
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = GraphQLWsClient.Folder, UseShellExecute = false,
            RedirectStandardOutput = true, RedirectStandardError = true,
        };
        start.ArgumentList.Add("audit.mjs");
        start.ArgumentList.Add(new Uri(server.Address, "/graphql").ToString());
        if (token is not null)
        {
            start.ArgumentList.Add(token);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        await process.WaitForExitAsync(timeout.Token);
        var audits = (await output).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => JsonDocument.Parse(line).RootElement.Clone())
            .ToList();
        return (process.ExitCode, audits, await error);
    }

    /// <summary>
    /// The real-socket test server with the public's fair-use limits above what the suite sends: it sends its ~60
    /// requests all at once, and the defaults let an address send 60 a minute, 2 running and 8 waiting (the rest are
    /// 429, as they should be; conformance is what this test is about).
    /// </summary>
    public sealed class Server() : WebSocketServer(new Dictionary<string, string>
    {
        ["Access:Public:Limits:RequestsPerWindow"] = "1000",
        ["Access:Public:Limits:MaxQueuedRequests"] = "100",
    });
}
