using ProductQuality.Graph.Access;
using ProductQuality.Graph.Access.Tokens;
using System.Net;
using ProductQuality.Graph.Bench.Hosting;
using ProductQuality.Graph.Bench.Load;
using ProductQuality.Graph.Bench.Reporting;

namespace ProductQuality.Graph.Bench;

/// <summary>
/// Load test of the GraphQL endpoint against plain minimal-API twins running the same EF queries, all in one process.
/// A class rather than top-level statements: the server assembly already owns the global <c>Program</c> type.
/// </summary>
internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "bulk")
        {
            return await BulkBench.RunAsync(args[1..]);
        }

        if (args.Length > 0 && args[0] == "archive")
        {
            return await ArchiveBench.RunAsync(args[1..]);
        }

        if (args.Length > 0 && args[0] == "feed")
        {
            return await FeedBench.RunAsync(args[1..]);
        }

        if (BenchOptions.Parse(args) is not { } options)
        {
            return 2;
        }

        var startedAt = DateTimeOffset.Now;
        Console.Error.WriteLine($"Starting the server on loopback over {options.DatabasePath} "
            + "(the first run seeds it; later runs reuse it)…");
        // The rate and concurrency limiters stay on but far above the load: the bench measures their cost, not their
        // refusals or queue (the plain twins have neither).
        var (app, baseAddress, sql) = await BenchServer.StartAsync(options, new Dictionary<string, string?>
        {
            ["Access:Limits:RequestsPerWindow"] = "1000000000",
            ["Access:Public:Limits:RequestsPerWindow"] = "1000000000",
            ["Access:Limits:MaxConcurrentRequests"] = "10000",
            ["Access:Public:Limits:MaxConcurrentRequests"] = "10000",
        });
        await using var _ = app;

        using var client = LoadClient(baseAddress, options.Concurrency);

        // GraphQL requests carry a real token of the department, so authentication and its contract are measured too.
        var audience = app.Services.GetRequiredService<AccessPolicy>().ForDepartment(options.Department);
        if (audience is null)
        {
            Console.Error.WriteLine($"Unknown department '{options.Department}'.");
            return 2;
        }

        var token = app.Services.GetRequiredService<DevelopmentTokenIssuer>()
            .Issue(options.Department, "bench", TimeSpan.FromHours(4));
        var data = await BenchData.LoadAsync(app.Services, audience.Rows.County);
        if (data.CreditCodes.Count == 0 || data.Counties.Count == 0)
        {
            Console.Error.WriteLine("The database has no enterprises or counties to query; delete it to reseed, "
                + "or pass another --db.");
            return 1;
        }

        var scenarios = Scenarios.All(data, options.Baseline, token);
        var differences = await Equivalence.CheckAsync(client, scenarios, data);
        foreach (var difference in differences)
        {
            Console.Error.WriteLine($"WARNING: the pair does not answer the same data: {difference}");
        }

        var runner = new LoadRunner(client, sql, options.Concurrency);
        var comparison = options.LimitRounds is not null ? OnOffComparison.Limits
            : options.AccessLogRounds is not null ? OnOffComparison.AccessLog
            : null;
        var growthBefore = await AccessLogGrowth.MeasureAsync(app.Services);
        var allocationTables = new System.Text.StringBuilder();
        var rounds = options.WritePauseMs is { } pause
            ? [await MeasureWritesAsync(app.Services, client, runner, scenarios[0], options, token, pause)]
            : comparison is not null
                ? [await MeasureOnOffAsync(comparison, options, runner, OnOffScenario(scenarios, options),
                    options.LimitRounds ?? options.AccessLogRounds ?? 1)]
                : await MeasureReadsAsync(runner, scenarios, options, allocationTables);
        var results = rounds.Count == 1 ? rounds[0] : MergeRounds(rounds);
        var growth = options.AccessLogRounds is null
            ? ""
            : AccessLogGrowth.Summary(growthBefore, await AccessLogGrowth.MeasureAsync(app.Services));

        await app.StopAsync();
        var report = MarkdownReport.Build(options, data, results, startedAt, rounds)
            + (comparison?.Summary(results) ?? "") + growth + allocationTables;
        Console.WriteLine(report);
        var folder = MarkdownReport.ResultsFolder(options);
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, $"{startedAt:yyyyMMdd-HHmmss}.md");
        await File.WriteAllTextAsync(file, report);
        Console.Error.WriteLine($"Report written to {file}");
        return results.Any(r => r.Errors > 0) || differences.Count > 0 ? 1 : 0;
    }

    // A second server over the same database with the feature off; its own client, so both sides get the same pool.
    private static async Task<List<ScenarioResult>> MeasureOnOffAsync(
        OnOffComparison comparison, BenchOptions options, LoadRunner on, Scenario status, int rounds)
    {
        var (offApp, offAddress, offSql) = await BenchServer.StartAsync(options, new Dictionary<string, string?>
        {
            [comparison.OffSetting] = "false",
            ["Access:Limits:RequestsPerWindow"] = "1000000000",
            ["Access:Limits:MaxConcurrentRequests"] = "10000",
        });
        await using var _ = offApp;
        using var offClient = LoadClient(offAddress, options.Concurrency);
        var off = new LoadRunner(offClient, offSql, options.Concurrency);
        var results = await comparison.MeasureAsync(on, off, status, options, rounds);
        await offApp.StopAsync();
        return results;
    }

    private static async Task<List<List<ScenarioResult>>> MeasureReadsAsync(LoadRunner runner,
        IReadOnlyList<Scenario> scenarios, BenchOptions options, System.Text.StringBuilder allocationTables)
    {
        using var sampler = options.AllocationTypes ? new AllocationSampler() : null;
        if (options.Only is { } only)
        {
            scenarios = scenarios.Where(s => s.Name.Contains(only, StringComparison.OrdinalIgnoreCase)).ToList();
        }

        // The process id, for a profiler (dotnet-trace collect -p PID) attached while the scenarios run.
        Console.Error.WriteLine($"Process id {Environment.ProcessId}.");

        // Warm every scenario before measuring any: the paths share code (EF, Kestrel, the serializer), and on two
        // cores the background tier-1 JIT would otherwise still be compiling while the first scenarios are measured.
        foreach (var scenario in scenarios)
        {
            Console.Error.WriteLine($"{scenario.Name}: warm-up {options.WarmupSeconds} s…");
            await runner.WarmAsync(scenario, TimeSpan.FromSeconds(options.WarmupSeconds));
        }

        // Rounds alternate the order, so what drifts during a run (the machine's other load, the GC's tuning, late
        // JIT) does not always favour the scenario measured later.
        var rounds = new List<List<ScenarioResult>>();
        for (var round = 0; round < options.Rounds; round++)
        {
            var results = new List<ScenarioResult>();
            var order = round % 2 == 0 ? scenarios : scenarios.Reverse().ToList();
            foreach (var scenario in order)
            {
                Console.Error.WriteLine($"round {round + 1}/{options.Rounds}, {scenario.Name}: "
                    + $"{options.Seconds} s with {options.Concurrency} workers…");
                await runner.WarmAsync(scenario, TimeSpan.FromSeconds(1));
                var sampled = round == 0 ? sampler : null;
                sampled?.Start();
                var result = await runner.RunAsync(scenario, TimeSpan.FromSeconds(options.Seconds));
                allocationTables.Append(sampled?.Stop(scenario.Name, result.Requests));
                Console.Error.WriteLine($"  {result.RequestsPerSecond:N0} req/s, CPU {
                    result.CpuMicrosecondsPerRequest:N0} µs/req, JIT {result.JitMicrosecondsPerRequest:N1} µs/req");
                results.Add(result);
            }

            rounds.Add([.. scenarios.Select(s => results.Single(r => r.Scenario.Name == s.Name))]);
        }

        return rounds;
    }

    // The status query, or with --only the first GraphQL scenario whose name contains it (e.g. "GraphQL page").
    private static Scenario OnOffScenario(IReadOnlyList<Scenario> scenarios, BenchOptions options) =>
        options.Only is { } only
            ? scenarios.First(s => s.IsGraphQL && s.Name.Contains(only, StringComparison.OrdinalIgnoreCase))
            : scenarios[0];

    private static List<ScenarioResult> MergeRounds(List<List<ScenarioResult>> rounds) =>
        Enumerable.Range(0, rounds[0].Count).Select(i => ScenarioResult.Merge([.. rounds.Select(r => r[i])])).ToList();

    // The status reads alone, then the same reads with one writer beside them, then alone again (so drift from JIT
    // tiering or a warming cache shows as a difference between the two "alone" rows); the writer's latencies are the
    // result.
    private static async Task<List<ScenarioResult>> MeasureWritesAsync(
        IServiceProvider services, HttpClient client, LoadRunner runner, Scenario status,
        BenchOptions options, string token, int pauseMs)
    {
        var writes = new WriteLoad(
            client, token, await WriteLoad.TargetsAsync(services), WriteLoad.Today(services),
            TimeSpan.FromMilliseconds(pauseMs));
        var writeScenario = status with
        {
            Name = $"GraphQL recordSampling, 1 writer, {pauseMs} ms pause", Pair = Scenarios.WritesPair,
        };
        var duration = TimeSpan.FromSeconds(options.Seconds);
        Console.Error.WriteLine($"warm-up {options.WarmupSeconds} s…");
        await Task.WhenAll(
            runner.WarmAsync(status, TimeSpan.FromSeconds(options.WarmupSeconds)),
            writes.RunAsync(writeScenario, TimeSpan.FromSeconds(options.WarmupSeconds)));
        Console.Error.WriteLine($"status reads alone: {options.Seconds} s with {options.Concurrency} workers…");
        var alone = await runner.RunAsync(status with { Name = "GraphQL status, reads alone" }, duration);
        Console.Error.WriteLine($"status reads with one writer: {options.Seconds} s…");
        var reads = runner.RunAsync(status with { Name = "GraphQL status, during writes" }, duration);
        var written = writes.RunAsync(writeScenario, duration);
        var during = await reads;
        var wrote = await written;
        Console.Error.WriteLine($"status reads alone again: {options.Seconds} s…");
        var aloneAfter = await runner.RunAsync(status with { Name = "GraphQL status, reads alone again" }, duration);
        return [alone, during, aloneAfter, wrote];
    }

    /// <summary>
    /// One pooled connection per worker, no proxy or decompression: the client adds as little as it can.
    /// </summary>
    private static HttpClient LoadClient(Uri baseAddress, int concurrency) => new(new SocketsHttpHandler
    {
        MaxConnectionsPerServer = concurrency,
        PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
        AutomaticDecompression = DecompressionMethods.None,
        UseProxy = false,
    })
    {
        BaseAddress = baseAddress,
        Timeout = TimeSpan.FromSeconds(30),
    };
}
