using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using ProductQuality.Graph.Bench.Load;

namespace ProductQuality.Graph.Bench.Reporting;

/// <summary>
/// The run as Markdown: the setting (so numbers are never read without it), the table, and the pair ratios.
/// </summary>
internal static class MarkdownReport
{
    /// <summary>Issue 10 §4: the GraphQL status query keeps at least this share of its plain twin's req/s.</summary>
    public const double StatusTarget = 0.90;

    /// <summary>Issue 10 §4: the GraphQL page keeps at least this share of its plain twin's throughput.</summary>
    public const double PageTarget = 0.85;

    /// <summary>Issue 10 §4: asking each enterprise's latest inspection costs a page at most this factor.</summary>
    public const double LatestCostTarget = 1.5;

    /// <param name="rounds">Each round's results; with more than one, every ratio is the median of the rounds'
    /// ratios (their halves ran back to back) and each round's ratio is listed.</param>
    public static string Build(BenchOptions options, BenchData data, IReadOnlyList<ScenarioResult> results,
        DateTimeOffset startedAt, IReadOnlyList<IReadOnlyList<ScenarioResult>> rounds)
    {
        var md = new StringBuilder();
        Line(md, $"# ProductQuality.Graph load test, {startedAt:yyyy-MM-dd HH:mm:ss zzz}");
        Line(md);
        Line(md, $"- {options.Seconds} s measured per scenario after {options.WarmupSeconds} s warm-up, {
            options.Concurrency} concurrent workers, closed loop");
        if (rounds.Count > 1)
        {
            Line(md, $"- {rounds.Count} rounds in alternating order; the table sums them, the ratios are medians");
        }

        Line(md, $"- {Environment.ProcessorCount} logical CPUs shared by client and server; {
            RuntimeInformation.FrameworkDescription}, {RuntimeInformation.OSDescription}; {BuildKind()} build");
        Line(md, $"- {GcSettings()}");
        var database = options.Postgres is null ? $"SQLite `{options.DatabasePath}`" : "PostgreSQL (--postgres)";
        var (codes, counties) = (data.CreditCodes.Count, data.Counties.Count);
        Line(md, $"- {database}: {data.Enterprises:N0} enterprises; {codes} credit codes and {
            counties} counties in rotation");
        Line(md);
        Raw(md, "| scenario | requests | errors | req/s | p50 ms | p90 ms | p99 ms | SQL/req | KB alloc/req "
            + "| CPU µs/req | JIT µs/req | GCs (gen 2) | GC pause % |");
        Raw(md, "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var r in results)
        {
            var sql = r.Scenario.Pair == Scenarios.WritesPair
                ? "–"
                : r.SqlPerRequest.ToString("N1", CultureInfo.InvariantCulture);
            Line(md, $"| {r.Scenario.Name} | {r.Requests:N0} | {r.Errors:N0} | {r.RequestsPerSecond:N0} | {
                r.PercentileMs(50):N2} | {r.PercentileMs(90):N2} | {r.PercentileMs(99):N2} | {sql} | {
                r.AllocatedKBPerRequest:N1} | {r.CpuMicrosecondsPerRequest:N0} | {r.JitMicrosecondsPerRequest:N1} | {
                r.Gen0Collections:N0} ({
                r.Gen2Collections:N0}) | {r.GcPausePercent:N1} |");
        }

        var pairs = new[] { Scenarios.StatusPair, Scenarios.PagePair, Scenarios.PageLatestPair }
            .Where(p => results.Any(r => r.Scenario.Pair == p && !r.Scenario.IsGraphQL)).ToList();
        if (pairs.Count > 0)
        {
            Line(md);
            Raw(md, "| pair | GraphQL/plain req/s | GraphQL/plain p50 latency | target |");
            Raw(md, "| --- | ---: | ---: | --- |");
        }

        foreach (var pair in pairs)
        {
            var graph = results.FirstOrDefault(r => r.Scenario.Pair == pair && r.Scenario.IsGraphQL);
            var plain = results.FirstOrDefault(r => r.Scenario.Pair == pair && !r.Scenario.IsGraphQL);
            if (graph is null || plain is null)
            {
                continue;
            }

            var (throughput, each) = Ratio(rounds, r => Rate(r, pair, true) / Rate(r, pair, false));
            var target = pair switch
            {
                Scenarios.StatusPair =>
                    $"≥ {StatusTarget * 100:N0}%: {(throughput >= StatusTarget ? "met" : "NOT met")}",
                Scenarios.PagePair => $"≥ {PageTarget * 100:N0}%: {(throughput >= PageTarget ? "met" : "NOT met")}",
                _ => "–",
            };
            var latency = graph.PercentileMs(50) / plain.PercentileMs(50);
            Line(md, $"| {pair} | {throughput * 100:N0}%{Each(each, percent: true)} | {latency:N2}× | {target} |");
        }

        LatestCost(md, results, rounds);
        var problems = results.Where(r => r.Problems.Count > 0).ToList();
        if (problems.Count > 0)
        {
            Line(md);
            Raw(md, "Errors seen (first distinct of each scenario):");
            foreach (var r in problems)
            {
                Line(md, $"- {r.Scenario.Name}: {string.Join("; ", r.Problems)}");
            }
        }

        return md.ToString();
    }

    // What asking each enterprise's latest inspection costs a page: page alone req/s over page + latest req/s.
    private static void LatestCost(StringBuilder md, IReadOnlyList<ScenarioResult> results,
        IReadOnlyList<IReadOnlyList<ScenarioResult>> rounds)
    {
        bool[] sides = [true, false];
        var rows = sides
            .Select(graphQL => (graphQL, Alone: Find(results, Scenarios.PagePair, graphQL),
                Latest: Find(results, Scenarios.PageLatestPair, graphQL)))
            .Where(r => r.Alone is not null && r.Latest is not null).ToList();
        if (rows.Count == 0)
        {
            return;
        }

        Line(md);
        Raw(md, "| page + latest inspection vs page alone | cost (req/s alone ÷ req/s with latest) | target |");
        Raw(md, "| --- | ---: | --- |");
        foreach (var (graphQL, alone, latest) in rows)
        {
            var (cost, each) = Ratio(rounds,
                r => Rate(r, Scenarios.PagePair, graphQL) / Rate(r, Scenarios.PageLatestPair, graphQL));
            var met = cost <= LatestCostTarget ? "met" : "NOT met";
            var side = graphQL ? "GraphQL" : "plain";
            Line(md, $"| {side} | {cost:N2}×{Each(each, percent: false)} | ≤ {LatestCostTarget:N1}×: {met} |");
        }
    }

    private static double Rate(IReadOnlyList<ScenarioResult> round, string pair, bool graphQL) =>
        Find(round, pair, graphQL)?.RequestsPerSecond ?? double.NaN;

    // The median of the rounds' ratios, and each round's (for the report).
    private static (double Median, List<double> Each) Ratio(
        IReadOnlyList<IReadOnlyList<ScenarioResult>> rounds, Func<IReadOnlyList<ScenarioResult>, double> ratio)
    {
        var each = rounds.Select(ratio).ToList();
        var sorted = each.Order().ToList();
        var median = sorted.Count % 2 == 1
            ? sorted[sorted.Count / 2]
            : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
        return (median, each);
    }

    private static string Each(List<double> each, bool percent) => each.Count < 2
        ? ""
        : " (rounds: " + string.Join(", ", each.Select(e => percent
            ? (e * 100).ToString("N0", CultureInfo.InvariantCulture) + "%"
            : e.ToString("N2", CultureInfo.InvariantCulture) + "×")) + ")";

    private static ScenarioResult? Find(IReadOnlyList<ScenarioResult> results, string pair, bool graphQL) =>
        results.FirstOrDefault(r => r.Scenario.Pair == pair && r.Scenario.IsGraphQL == graphQL);

    /// <summary>
    /// Where reports go: bench/results of the repository this binary was built in, else the current folder.
    /// </summary>
    public static string ResultsFolder(BenchOptions options)
    {
        if (options.ResultsFolder is { } folder)
        {
            return folder;
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ProductQuality.Graph.sln")))
            {
                return Path.Combine(dir.FullName, "bench", "results");
            }
        }

        return Path.Combine(Directory.GetCurrentDirectory(), "results");
    }

    // The GC's mode changes what allocations cost (pauses, heap count): the report says which one ran. DATAS
    // (dynamic adaptation, on by default with the server GC since .NET 9) starts with one heap and adds heaps under
    // load. The heap count is the GC's own configuration figure, not a count taken at any one moment.
    private static string GcSettings()
    {
        var settings = GC.GetConfigurationVariables();
        string Setting(string key) => settings.TryGetValue(key, out var value) ? $"{value}" : "?";
        var mode = System.Runtime.GCSettings.IsServerGC ? "server" : "workstation";
        return $"{mode} GC, heap count {Setting("HeapCount")}, dynamic adaptation (DATAS) mode {
            Setting("GCDynamicAdaptationMode")}; peak working set {
            System.Diagnostics.Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024):N0} MB";
    }

    private static string BuildKind() =>
#if DEBUG
        "**Debug** (numbers not representative: use -c Release)";
#else
        "Release";
#endif

    private static void Line(StringBuilder md) => md.Append('\n');

    private static void Raw(StringBuilder md, string text) => md.Append(text).Append('\n');

    // FormattableString: numbers and dates print the same whatever the machine's culture.
    private static void Line(StringBuilder md, FormattableString text) =>
        md.Append(text.ToString(CultureInfo.InvariantCulture)).Append('\n');
}
