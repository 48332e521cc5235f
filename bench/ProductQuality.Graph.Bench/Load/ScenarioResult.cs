using System.Diagnostics;

namespace ProductQuality.Graph.Bench.Load;

/// <summary>
/// What one scenario measured: every latency in Stopwatch ticks, the errors, and the SQL statements sent.
/// </summary>
internal sealed record ScenarioResult(Scenario Scenario, long[] SortedTicks, long Errors, TimeSpan Elapsed,
    long SqlStatements, IReadOnlyList<string> Problems)
{
    public long Requests => SortedTicks.Length + Errors;

    public double RequestsPerSecond => SortedTicks.Length / Elapsed.TotalSeconds;

    public double SqlPerRequest => Requests == 0 ? 0 : (double)SqlStatements / Requests;

    /// <summary>Bytes the whole process (server and load client) allocated while the scenario was measured.</summary>
    public long AllocatedBytes { get; init; }

    public double AllocatedKBPerRequest => Requests == 0 ? 0 : AllocatedBytes / 1024.0 / Requests;

    /// <summary>
    /// CPU time of the whole process (server and load client, every core) while the scenario was measured. Per
    /// request it moves less than req/s with other tenants' load, as long as the machine is not oversubscribed.
    /// </summary>
    public TimeSpan CpuTime { get; init; }

    public double CpuMicrosecondsPerRequest => Requests == 0 ? 0 : CpuTime.TotalMicroseconds / Requests;

    /// <summary>Garbage collections (generation 0 and up; generation 2 only) while the scenario was measured.</summary>
    public int Gen0Collections { get; init; }

    public int Gen2Collections { get; init; }

    /// <summary>
    /// Time the process's threads stood still for garbage collections while the scenario was measured: what the
    /// allocations cost beyond the allocating itself, and what the GC's settings (DATAS, heap count) change.
    /// </summary>
    public TimeSpan GcPause { get; init; }

    /// <summary>
    /// Time the JIT spent compiling (every thread) while the scenario was measured. Tiered compilation recompiles
    /// hot methods in the background for a while after they are first called; on two cores that work is taken from
    /// the requests, so a round with JIT time was still warming up.
    /// </summary>
    public TimeSpan JitTime { get; init; }

    public double JitMicrosecondsPerRequest => Requests == 0 ? 0 : JitTime.TotalMicroseconds / Requests;

    public double GcPausePercent => Elapsed <= TimeSpan.Zero ? 0 : GcPause / Elapsed * 100;

    /// <summary>One scenario's rounds as one result: every latency, error, second, statement and byte.</summary>
    public static ScenarioResult Merge(IReadOnlyList<ScenarioResult> rounds)
    {
        if (rounds.Count == 1)
        {
            return rounds[0];
        }

        var ticks = rounds.SelectMany(r => r.SortedTicks).Order().ToArray();
        return new ScenarioResult(rounds[0].Scenario, ticks, rounds.Sum(r => r.Errors),
            TimeSpan.FromTicks(rounds.Sum(r => r.Elapsed.Ticks)), rounds.Sum(r => r.SqlStatements),
            rounds.SelectMany(r => r.Problems).Distinct().Take(5).ToList())
        {
            AllocatedBytes = rounds.Sum(r => r.AllocatedBytes),
            CpuTime = TimeSpan.FromTicks(rounds.Sum(r => r.CpuTime.Ticks)),
            Gen0Collections = rounds.Sum(r => r.Gen0Collections),
            Gen2Collections = rounds.Sum(r => r.Gen2Collections),
            GcPause = TimeSpan.FromTicks(rounds.Sum(r => r.GcPause.Ticks)),
            JitTime = TimeSpan.FromTicks(rounds.Sum(r => r.JitTime.Ticks)),
        };
    }

    /// <summary>Nearest-rank percentile of the successful requests, in milliseconds.</summary>
    public double PercentileMs(double p)
    {
        if (SortedTicks.Length == 0)
        {
            return double.NaN;
        }

        var rank = (int)Math.Ceiling(p / 100 * SortedTicks.Length);
        return SortedTicks[Math.Clamp(rank - 1, 0, SortedTicks.Length - 1)] * 1000.0 / Stopwatch.Frequency;
    }
}
