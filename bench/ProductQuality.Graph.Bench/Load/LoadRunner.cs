using System.Buffers;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.Json;
using ProductQuality.Graph.Bench.Hosting;

namespace ProductQuality.Graph.Bench.Load;

/// <summary>
/// Closed-loop load: C workers each send a request, read the whole body, and send the next, until the time is up.
/// Non-200 answers and GraphQL "errors" count as errors; every <see cref="VerifyEvery"/>th body is parsed and checked.
/// Throughput counts successful requests only.
/// </summary>
internal sealed class LoadRunner(HttpClient client, SqlStatementCounter sql, int concurrency)
{
    private const int VerifyEvery = 50;
    private static readonly byte[] ErrorsKey = "\"errors\""u8.ToArray();

    public async Task WarmAsync(Scenario scenario, TimeSpan duration) => _ = await RunAsync(scenario, duration);

    public async Task<ScenarioResult> RunAsync(Scenario scenario, TimeSpan duration)
    {
        var problems = new ConcurrentQueue<string>();
        var sqlBefore = sql.Count;
        // Process-wide (client and server share the process): see bench/README.md on what the figure includes.
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var gen2Before = GC.CollectionCount(2);
        var gen0Before = GC.CollectionCount(0);
        var pausedBefore = GC.GetTotalPauseDuration();
        var jitBefore = System.Runtime.JitInfo.GetCompilationTime();
        var started = Stopwatch.GetTimestamp();
        var deadline = started + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        long sequence = 0;
        var workers = Enumerable.Range(0, concurrency)
            .Select(_ => Task.Run(() =>
                WorkAsync(scenario, deadline, () => Interlocked.Increment(ref sequence), problems)))
            .ToArray();
        var results = await Task.WhenAll(workers);
        var elapsed = Stopwatch.GetElapsedTime(started);
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;

        var ticks = results.SelectMany(r => r.Ticks).ToArray();
        Array.Sort(ticks);
        return new ScenarioResult(scenario, ticks, results.Sum(r => r.Errors), elapsed, sql.Count - sqlBefore,
            problems.Distinct().Take(5).ToList())
        {
            AllocatedBytes = allocated,
            CpuTime = cpu,
            Gen0Collections = GC.CollectionCount(0) - gen0Before,
            Gen2Collections = GC.CollectionCount(2) - gen2Before,
            GcPause = GC.GetTotalPauseDuration() - pausedBefore,
            JitTime = System.Runtime.JitInfo.GetCompilationTime() - jitBefore,
        };
    }

    private async Task<(List<long> Ticks, long Errors)> WorkAsync(
        Scenario scenario, long deadline, Func<long> next, ConcurrentQueue<string> problems)
    {
        var ticks = new List<long>(16_384);
        long errors = 0;
        var buffer = ArrayPool<byte>.Shared.Rent(256 * 1024);
        try
        {
            while (Stopwatch.GetTimestamp() < deadline)
            {
                var n = next();
                using var request = scenario.Create(n);
                var start = Stopwatch.GetTimestamp();
                string? problem;
                try
                {
                    using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
                    (buffer, var length) = await ReadBodyAsync(response, buffer);
                    var elapsed = Stopwatch.GetTimestamp() - start;
                    problem = Check(scenario, n, response.StatusCode, buffer.AsSpan(0, length));
                    if (problem is null)
                    {
                        ticks.Add(elapsed);
                        continue;
                    }
                }
                catch (Exception ex) when (ex is HttpRequestException or IOException or TaskCanceledException)
                {
                    problem = $"{ex.GetType().Name}: {ex.Message}";
                }

                errors++;
                problems.Enqueue(problem);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        return (ticks, errors);
    }

    private static string? Check(Scenario scenario, long n, HttpStatusCode status, ReadOnlySpan<byte> body)
    {
        if (status != HttpStatusCode.OK)
        {
            return $"HTTP {(int)status}";
        }

        if (scenario.IsGraphQL && body.IndexOf(ErrorsKey) >= 0)
        {
            return "GraphQL errors: " + System.Text.Encoding.UTF8.GetString(body[..Math.Min(body.Length, 300)]);
        }

        if (n % VerifyEvery != 1)
        {
            return null;
        }

        try
        {
            var reader = new Utf8JsonReader(body);
            using var document = JsonDocument.ParseValue(ref reader);
            return scenario.Verify(n, document.RootElement);
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return $"unexpected body ({ex.Message}): "
                + System.Text.Encoding.UTF8.GetString(body[..Math.Min(body.Length, 300)]);
        }
    }

    /// <summary>
    /// Reads the whole body into a reused buffer (growing it when needed), so the client allocates little per request.
    /// </summary>
    private static async Task<(byte[] Buffer, int Length)> ReadBodyAsync(HttpResponseMessage response, byte[] buffer)
    {
        await using var stream = await response.Content.ReadAsStreamAsync();
        var length = 0;
        int read;
        while ((read = await stream.ReadAsync(buffer.AsMemory(length))) > 0)
        {
            length += read;
            if (length == buffer.Length)
            {
                var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                buffer.CopyTo(larger, 0);
                ArrayPool<byte>.Shared.Return(buffer);
                buffer = larger;
            }
        }

        return (buffer, length);
    }
}
