using System.Collections.Concurrent;
using System.Diagnostics.Tracing;
using System.Globalization;
using System.Text;

namespace ProductQuality.Graph.Bench.Reporting;

/// <summary>
/// Which types a scenario allocates (<c>--alloc-types</c>): the runtime raises an allocation tick each time a heap has
/// allocated about 100 KB more, naming the type of the object that crossed the mark; summed per type over thousands
/// of requests, the ticks' amounts estimate each type's share of the bytes (a sample, not an exact count, but
/// unbiased). Client and server share the process, as in the KB alloc/req column, so compare a pair's tables.
/// </summary>
internal sealed class AllocationSampler : EventListener
{
    private const string RuntimeSource = "Microsoft-Windows-DotNETRuntime";
    private const long GcKeyword = 0x1;
    private readonly ConcurrentDictionary<string, long> _bytes = new(StringComparer.Ordinal);
    private volatile bool _sampling;

    public void Start()
    {
        _bytes.Clear();
        _sampling = true;
    }

    /// <summary>Stops sampling; the <paramref name="top"/> types by estimated KB per request, as Markdown.</summary>
    public string Stop(string scenario, long requests, int top = 30)
    {
        _sampling = false;
        var total = _bytes.Values.Sum();
        var table = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"\n### Allocated types: {scenario}\n")
            .AppendLine("| type | est. KB/req | share |")
            .AppendLine("| --- | ---: | ---: |");
        foreach (var (type, bytes) in _bytes.OrderByDescending(p => p.Value).Take(top))
        {
            var perRequest = bytes / 1024.0 / Math.Max(1, requests);
            var share = 100.0 * bytes / Math.Max(1, total);
            table.AppendLine(CultureInfo.InvariantCulture, $"| `{type}` | {perRequest:F1} | {share:F1}% |");
        }

        return table.ToString();
    }

    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        if (eventSource.Name == RuntimeSource)
        {
            EnableEvents(eventSource, EventLevel.Verbose, (EventKeywords)GcKeyword);
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs eventData)
    {
        if (!_sampling || eventData.EventName?.StartsWith("GCAllocationTick", StringComparison.Ordinal) != true
            || eventData.PayloadNames is not { } names || eventData.Payload is not { } payload)
        {
            return;
        }

        var type = payload[names.IndexOf("TypeName")] as string ?? "?";
        var amountAt = names.IndexOf("AllocationAmount64");
        var amount = amountAt >= 0 ? Convert.ToInt64(payload[amountAt], CultureInfo.InvariantCulture) : 100 * 1024;
        _bytes.AddOrUpdate(type, amount, (_, sum) => sum + amount);
    }
}
