using System.Diagnostics.Tracing;
using System.Globalization;
using ProductQuality.Graph.Infrastructure;

namespace ProductQuality.Graph.Operations.Telemetry;

/// <summary>
/// OTLP export failures in the server's log. OpenTelemetry reports them only on its own EventSource, which nothing
/// reads by default: with the collector unreachable or refusing, the server exported nothing and said nothing, and
/// the operator's dashboards stayed empty without a reason (the ops probe). One warning line when exports start to
/// fail and then at most one a minute while they do, with the exporter's reason cut to one line (it carries the
/// exception's stack trace).
/// </summary>
internal sealed partial class ExportFailureLog : EventListener, IHostedService
{
    internal const string ExporterSource = "OpenTelemetry-Exporter-OpenTelemetryProtocol";

    // The base constructor already announces the sources that exist, before the constructor below has set the log
    // (field initialisers run before it, so the lock and the list are there): those wait, and are enabled then.
    private readonly Lock _gate = new();
    private readonly List<EventSource> _early = [];
    private readonly ILogger<ExportFailureLog>? _log;
    private readonly WarningThrottle? _throttle;
    private readonly Uri? _endpoint;

    public ExportFailureLog(ILogger<ExportFailureLog> log, TimeProvider clock, Uri endpoint)
    {
        _throttle = new WarningThrottle(TimeSpan.FromMinutes(1), clock);
        _endpoint = endpoint;
        lock (_gate)
        {
            _log = log;
            foreach (var source in _early)
            {
                EnableEvents(source, EventLevel.Warning);
            }

            _early.Clear();
        }
    }

    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        if (eventSource.Name != ExporterSource)
        {
            return;
        }

        lock (_gate)
        {
            if (_log is null)
            {
                _early.Add(eventSource);
                return;
            }
        }

        EnableEvents(eventSource, EventLevel.Warning);
    }

    // Started with the host so it listens from the first export; the container disposes it (and so stops it).
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    protected override void OnEventWritten(EventWrittenEventArgs eventData)
    {
        if (_log is null || _throttle is null || eventData.Level > EventLevel.Warning
            || !_throttle.ShouldWarn(out var unsaid))
        {
            return;
        }

        _log.LogWarning("Telemetry export to the OTLP collector (Telemetry:Otlp:Endpoint {Endpoint}) failed: "
            + "{Reason}. Traces and metrics are not reaching it; requests are served as before{Unsaid}.",
            _endpoint, Reason(eventData), unsaid == 0 ? "" : $" ({unsaid} more failures in the last minute)");
    }

    // The event's text with its payload, on one line: the exporter passes the exception with its stack trace.
    private static string Reason(EventWrittenEventArgs e)
    {
        var text = e.Message is { Length: > 0 } format && e.Payload is { } payload
            ? SafeFormat(format, payload)
            : e.EventName ?? "export failed";
        return WarningThrottle.FirstLine(Tidy(text.Split('\n')[0].Trim()));
    }

    // The exporter's sentence joins an empty "Response: ." and .NET type names ("Exception:
    // System.Net.Http.HttpRequestException: …") to the reason: the reason alone, one full stop.
    private static string Tidy(string text)
    {
        var tidy = TypeName().Replace(text.Replace(" Response: .", "", StringComparison.Ordinal), "");
        while (tidy.Contains("..", StringComparison.Ordinal))
        {
            tidy = tidy.Replace("..", ".", StringComparison.Ordinal);
        }

        return tidy.TrimEnd('.');
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"(Exception: )?\b(System|Grpc|Microsoft)(\.\w+)*Exception: ")]
    private static partial System.Text.RegularExpressions.Regex TypeName();

    private static string SafeFormat(string format, IReadOnlyList<object?> payload)
    {
        try
        {
            return string.Format(CultureInfo.InvariantCulture, format, [.. payload]);
        }
        catch (FormatException)
        {
            return format;
        }
    }
}
