using System.Diagnostics;
using System.Text.Json;
using ProductQuality.Graph.Tests.Infrastructure;

namespace ProductQuality.Graph.Tests.Operations;

/// <summary>
/// <c>Logging:Format=Json</c> as an operator runs it: the built server as a process, every line on standard output
/// one JSON object, and a request's lines carrying its request id in their scopes.
/// </summary>
public sealed class JsonLogTests
{
    [Fact]
    public async Task Every_line_is_json_and_a_requests_lines_carry_its_id()
    {
        using var folder = new VerbProcess();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = folder.Folder, UseShellExecute = false,
            RedirectStandardOutput = true, RedirectStandardError = true,
        };
        foreach (var arg in new[]
        {
            Path.Combine(AppContext.BaseDirectory, "ProductQuality.Graph.dll"), "--urls", "http://127.0.0.1:0",
            "--Logging:Format=Json", "--Database:SeedWhenEmpty=false",
            "--Database:ConnectionString=Data Source=" + Path.Combine(folder.Folder, "json-log.db"),
            "--Logging:LogLevel:Microsoft.AspNetCore.Hosting.Diagnostics=Information",
        })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        try
        {
            var ready = await NextLineAsync(process, l => l.GetProperty("Message").GetString()!.Contains(
                "is ready", StringComparison.Ordinal), timeout.Token);
            var endpoint = ready.GetProperty("State").GetProperty("Endpoint").GetString()!;
            using var client = new HttpClient { BaseAddress = new Uri(new Uri(endpoint), "/") };
            using var request = new HttpRequestMessage(HttpMethod.Get, "/health/live");
            request.Headers.Add("X-Request-Id", "json-log-probe-1");
            using var response = await client.SendAsync(request, timeout.Token);
            Assert.Equal("json-log-probe-1", Assert.Single(response.Headers.GetValues("X-Request-Id")));

            var finished = await NextLineAsync(process, l => l.GetProperty("Category").GetString()
                == "Microsoft.AspNetCore.Hosting.Diagnostics" && l.GetProperty("Message").GetString()!.StartsWith(
                    "Request finished", StringComparison.Ordinal), timeout.Token);
            var scopes = finished.GetProperty("Scopes").EnumerateArray()
                .Where(s => s.ValueKind == JsonValueKind.Object && s.TryGetProperty("RequestId", out _)).ToList();
            Assert.Equal("json-log-probe-1", Assert.Single(scopes).GetProperty("RequestId").GetString());
            Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$",
                finished.GetProperty("Timestamp").GetString());

            // Read on to the daily re-evaluation's line if it has not passed yet (every line read is checked).
            if (!_sawDailyRun)
            {
                await NextLineAsync(process, l => _sawDailyRun, timeout.Token);
            }
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
        }
    }

    private bool _sawDailyRun;

    /// <summary>
    /// A structured value that is a date is ISO text: the daily run's DateOnly came out "12/05/2026" in the state
    /// while its message said 2026-12-05.
    /// </summary>
    private void AssertNoCultureDates(JsonElement entry, string line)
    {
        if (!entry.TryGetProperty("State", out var state) || state.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        foreach (var value in state.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.String))
        {
            Assert.DoesNotMatch(@"^\d{1,2}/\d{1,2}/\d{4}", value.Value.GetString()!);
        }

        if (entry.GetProperty("Message").GetString()!.StartsWith("Daily re-evaluation for", StringComparison.Ordinal))
        {
            Assert.True(state.TryGetProperty("Today", out var today), line);
            Assert.Matches(@"^\d{4}-\d\d-\d\d$", today.GetString());
            _sawDailyRun = true;
        }
    }

    /// <summary>Reads standard output until a line matches; every line read must be one JSON object.</summary>
    private async Task<JsonElement> NextLineAsync(Process process, Func<JsonElement, bool> wanted,
        CancellationToken cancellationToken)
    {
        while (await process.StandardOutput.ReadLineAsync(cancellationToken) is { } line)
        {
            if (line.Length == 0)
            {
                continue;
            }

            JsonElement entry;
            try
            {
                entry = JsonDocument.Parse(line).RootElement;
            }
            catch (JsonException)
            {
                Assert.Fail($"A log line is not JSON: {line}");
                throw;
            }

            Assert.Equal(JsonValueKind.Object, entry.ValueKind);
            AssertNoCultureDates(entry, line);
            if (wanted(entry))
            {
                return entry;
            }
        }

        Assert.Fail("The server ended before the expected line: " + await process.StandardError.ReadToEndAsync(
            cancellationToken));
        throw new InvalidOperationException();
    }
}
