using System.Globalization;
using System.Text;

namespace ProductQuality.Graph.Bench.Load;

/// <summary>
/// <c>--limits</c> and <c>--access-log</c>: the status query against two servers over the same database, one with a
/// feature on and one with it off (<see cref="OffSetting"/> = false), measured in alternating rounds (on/off, then
/// off/on, …) so drift from JIT tiering or a warming cache falls on both sides alike.
/// </summary>
/// <param name="Feature">What is switched, as the report names it ("limits", "access log").</param>
/// <param name="OffSetting">The setting that switches it off on the second server.</param>
/// <param name="Target">The issue's target: with the feature on, the status query keeps this share of its
/// throughput.</param>
internal sealed record OnOffComparison(string Feature, string OffSetting, double Target)
{
    /// <summary>The request limits (issue 9 §2); the "on" server's rate limit is far above the load.</summary>
    public static readonly OnOffComparison Limits = new("limits", "GraphQL:Limits:Enabled", 0.95);

    /// <summary>The access log (issue 12 §3): every request's entry committed before it is answered.</summary>
    public static readonly OnOffComparison AccessLog = new("access log", "AccessLog:Enabled", 0.90);


    private string OnName(Scenario scenario) => $"{scenario.Name}, {Feature} on";

    public async Task<List<ScenarioResult>> MeasureAsync(
        LoadRunner on, LoadRunner off, Scenario status, BenchOptions options, int rounds)
    {
        var onScenario = status with { Name = OnName(status), Pair = Feature };
        var offScenario = status with { Name = $"{status.Name}, {Feature} off", Pair = Feature };
        Console.Error.WriteLine($"warm-up {options.WarmupSeconds} s each…");
        await on.WarmAsync(onScenario, TimeSpan.FromSeconds(options.WarmupSeconds));
        await off.WarmAsync(offScenario, TimeSpan.FromSeconds(options.WarmupSeconds));

        var results = new List<ScenarioResult>();
        for (var round = 0; round < rounds; round++)
        {
            var order = round % 2 == 0
                ? new[] { (on, onScenario), (off, offScenario) }
                : [(off, offScenario), (on, onScenario)];
            foreach (var (runner, scenario) in order)
            {
                Console.Error.WriteLine($"round {round + 1}/{rounds}, {scenario.Name}: {options.Seconds} s…");
                results.Add(await runner.RunAsync(scenario, TimeSpan.FromSeconds(options.Seconds)));
            }
        }

        return results;
    }

    /// <summary>
    /// Under the report's table: each side's throughput over all its rounds, and the ratios. On a shared machine the
    /// load of other processes drifts by more than the feature costs, so the headline is the median of the per-round
    /// ratios (the two halves of a round run back to back); the ratio of the totals is shown beside it.
    /// </summary>
    public string Summary(IReadOnlyList<ScenarioResult> results)
    {
        var on = results.Where(r => r.Scenario.Name.EndsWith(" on", StringComparison.Ordinal)).ToList();
        var off = results.Where(r => r.Scenario.Name.EndsWith(" off", StringComparison.Ordinal)).ToList();
        var onRate = on.Sum(r => r.SortedTicks.Length) / on.Sum(r => r.Elapsed.TotalSeconds);
        var offRate = off.Sum(r => r.SortedTicks.Length) / off.Sum(r => r.Elapsed.TotalSeconds);
        var perRound = on.Zip(off, (a, b) => a.RequestsPerSecond / b.RequestsPerSecond).Order().ToList();
        var median = perRound.Count % 2 == 1
            ? perRound[perRound.Count / 2]
            : (perRound[(perRound.Count / 2) - 1] + perRound[perRound.Count / 2]) / 2;
        var md = new StringBuilder();
        md.Append(CultureInfo.InvariantCulture, $"\n| {Feature} | rounds | req/s over all rounds |\n");
        md.Append("| --- | ---: | ---: |\n");
        md.Append(CultureInfo.InvariantCulture, $"| on | {on.Count} | {onRate:N0} |\n");
        md.Append(CultureInfo.InvariantCulture, $"| off | {off.Count} | {offRate:N0} |\n");
        md.Append(CultureInfo.InvariantCulture, $"\nPer-round on/off: {string.Join(", ", on.Zip(off,
            (a, b) => (a.RequestsPerSecond / b.RequestsPerSecond * 100).ToString("N0", CultureInfo.InvariantCulture)
                + "%"))}.\n");
        md.Append(CultureInfo.InvariantCulture,
            $"\nWith the {Feature} on: {median * 100:N1}% of the throughput without it, median of the rounds " +
            $"(totals: {onRate / offRate * 100:N1}%); target ≥ {Target * 100:N0}%: " +
            $"{(median >= Target ? "met" : "NOT met")}.\n");
        return md.ToString();
    }
}
