using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Xunit.Abstractions;
using ProductQuality.Graph.Operations.RequestIds;
using ProductQuality.Graph.Tests.Infrastructure;

namespace ProductQuality.Graph.Tests.Audit;

/// <summary>
/// The access log's promise under the worst crash: the built server runs as a process over a SQLite file, many
/// requests run at once, and the process is killed with SIGKILL while they do. Every request that got an answer with
/// data has its entry in the log — found by the request id the test chose — and the chain still verifies.
/// Bounded by a few minutes; nothing is timed.
/// </summary>
public sealed class KillDuringLoadTests(ITestOutputHelper output)
{
    private const int Workers = 16;
    private const int AnsweredBeforeKill = 400;
    private const string Query = "{ enterprises(first: 3) { edges { node { creditCode name } } } }";

    [Fact]
    public async Task A_kill_9_during_load_loses_no_entry_of_an_answered_request()
    {
        using var folder = new VerbProcess();
        var database = Path.Combine(folder.Folder, "kill.db");
        string[] settings =
        [
            $"--Database:ConnectionString=Data Source={database}", "--Database:SeedEnterprises=40",
            $"--Auth:SigningKey={TestServerFactory.TestSigningKey}", "--Maintenance:Enabled=false",
            "--Access:Limits:RequestsPerWindow=1000000",
        ];
        var token = await folder.RunAsync(["token", "--department", "finance", .. settings]);
        Assert.True(token.ExitCode == 0, token.Error);

        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        using var server = Start(folder.Folder, settings);
        var answered = new ConcurrentBag<string>();
        try
        {
            using var client = new HttpClient { BaseAddress = await EndpointAsync(server, timeout.Token) };
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.Out.Trim());
            using var enough = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token);
            var load = Enumerable.Range(0, Workers)
                .Select(w => LoadAsync(client, w, answered, enough))
                .ToList();
            while (answered.Count < AnsweredBeforeKill && !load.All(t => t.IsCompleted))
            {
                await Task.Delay(10, timeout.Token);
            }

            // Mid-load: every worker still has a request in flight.
            server.Kill();
            await server.WaitForExitAsync(timeout.Token);
            await enough.CancelAsync();
            await Task.WhenAll(load);
        }
        finally
        {
            if (!server.HasExited)
            {
                server.Kill(entireProcessTree: true);
            }
        }

        Assert.True(answered.Count >= AnsweredBeforeKill, $"only {answered.Count} answered before the load stopped");
        var logged = LoggedRequestIds(database);
        var lost = answered.Where(id => !logged.Contains(id)).ToList();
        output.WriteLine($"{answered.Count} answered before the kill; {logged.Count} entries in the log.");
        Assert.True(lost.Count == 0, $"{lost.Count} answered requests have no entry, e.g. {lost.FirstOrDefault()}");

        var verify = await folder.RunAsync(["audit", "verify", .. settings]);
        Assert.True(verify.ExitCode == 0, verify.Out + verify.Error);
    }

    /// <summary>Sends requests until the server dies; records those answered 200 with data under their id.</summary>
    private static async Task LoadAsync(HttpClient client, int worker, ConcurrentBag<string> answered,
        CancellationTokenSource stop)
    {
        for (var n = 0; !stop.IsCancellationRequested; n++)
        {
            var id = $"kill9-{worker}-{n}";
            using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
            {
                Content = new StringContent(JsonSerializer.Serialize(new { query = Query }), Encoding.UTF8,
                    "application/json"),
            };
            request.Headers.Add(IncomingRequestId.Header, id);
            try
            {
                using var response = await client.SendAsync(request, stop.Token);
                var body = await response.Content.ReadAsStringAsync(stop.Token);
                if (response.StatusCode == HttpStatusCode.OK && HasData(body)
                    && response.Headers.GetValues(IncomingRequestId.Header).Single() == id)
                {
                    answered.Add(id);
                }
            }
            catch (Exception e) when (e is HttpRequestException or OperationCanceledException or IOException)
            {
                return; // the server is gone (or the test is over)
            }
        }
    }

    private static bool HasData(string body)
    {
        using var json = JsonDocument.Parse(body);
        return json.RootElement.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object
            && !json.RootElement.TryGetProperty("errors", out _);
    }

    private static HashSet<string> LoggedRequestIds(string database)
    {
        using var connection = new SqliteConnection($"Data Source={database};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """SELECT "RequestId" FROM "AccessLog" """;
        using var reader = command.ExecuteReader();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        while (reader.Read())
        {
            ids.Add(reader.GetString(0));
        }

        return ids;
    }

    private static Process Start(string folder, string[] settings)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = folder, UseShellExecute = false,
            RedirectStandardOutput = true, RedirectStandardError = true,
        };
        foreach (var arg in (string[])[Path.Combine(AppContext.BaseDirectory, "ProductQuality.Graph.dll"),
            "--urls", "http://127.0.0.1:0", "--Logging:Format=Json", .. settings])
        {
            start.ArgumentList.Add(arg);
        }

        return Process.Start(start)!;
    }

    /// <summary>The address from the server's "is ready" log line (it listens on a free port).</summary>
    private static async Task<Uri> EndpointAsync(Process server, CancellationToken cancellationToken)
    {
        _ = server.StandardError.ReadToEndAsync(cancellationToken);
        while (await server.StandardOutput.ReadLineAsync(cancellationToken) is { } line)
        {
            if (line.StartsWith('{') && JsonDocument.Parse(line).RootElement is var entry
                && entry.GetProperty("Message").GetString()!.Contains("is ready", StringComparison.Ordinal))
            {
                // Keep draining the log so the server never blocks on a full pipe.
                _ = DrainAsync(server.StandardOutput);
                return new Uri(new Uri(entry.GetProperty("State").GetProperty("Endpoint").GetString()!), "/");
            }
        }

        Assert.Fail("The server ended before it was ready.");
        throw new InvalidOperationException();
    }

    private static async Task DrainAsync(StreamReader output)
    {
        try
        {
            while (await output.ReadLineAsync() is not null)
            {
            }
        }
        catch (IOException)
        {
        }
    }
}
