using ProductQuality.Graph.Infrastructure;

namespace ProductQuality.Graph.Operations.Telemetry;

/// <summary>
/// OpenTelemetry traces and metrics (configuration section <c>Telemetry</c>): a Prometheus scrape endpoint on by
/// default, OTLP export to a collector only when an endpoint is set. Nothing is sent anywhere unless configured.
/// </summary>
public sealed class TelemetryOptions
{
    public const string Section = "Telemetry";

    /// <summary>The <c>service.name</c> resource attribute: how traces and metrics name this server.</summary>
    public string ServiceName { get; set; } = "productquality-graph";

    public OtlpOptions Otlp { get; set; } = new();

    public PrometheusOptions Prometheus { get; set; } = new();

    public TracingOptions Tracing { get; set; } = new();

    /// <summary>
    /// Distinct operation names kept as metric labels per department; further names count as <c>(other)</c>. Caller
    /// chosen names must not grow the metric series without bound.
    /// </summary>
    [SettingRange(0, 1000)]
    public int MaxOperationNamesPerDepartment { get; set; } = 20;
}

/// <summary>Export to an OpenTelemetry collector (<c>Telemetry:Otlp</c>).</summary>
public sealed class OtlpOptions
{
    /// <summary>The collector, e.g. <c>http://otel-collector:4317</c> (gRPC) or <c>http://otel-collector:4318</c>
    /// (HTTP); empty: no export.</summary>
    public Uri? Endpoint { get; set; }

    public OtlpProtocol Protocol { get; set; } = OtlpProtocol.Grpc;

    /// <summary>How often metrics are pushed, in seconds.</summary>
    [SettingRange(1, 3600)]
    public int MetricsIntervalSeconds { get; set; } = 60;
}

/// <summary>The OTLP transports.</summary>
public enum OtlpProtocol
{
    /// <summary>OTLP over gRPC, usually port 4317.</summary>
    Grpc,

    /// <summary>OTLP over HTTP with protobuf bodies, usually port 4318 (paths /v1/traces and /v1/metrics).</summary>
    HttpProtobuf,
}

/// <summary>The Prometheus scrape endpoint (<c>Telemetry:Prometheus</c>).</summary>
public sealed class PrometheusOptions
{
    public bool Enabled { get; set; } = true;

    public string Path { get; set; } = "/metrics";

    /// <summary>
    /// Networks (CIDR) whose addresses may scrape besides loopback, which always may; others get 403. Add the
    /// scraper's network (e.g. the cluster's pod network) where Prometheus runs on another machine.
    /// </summary>
    public List<string> AllowedNetworks { get; set; } = [];
}

/// <summary>Traces (<c>Telemetry:Tracing</c>), exported over OTLP only.</summary>
public sealed class TracingOptions
{
    /// <summary>Share of new traces recorded, 0 to 1; a caller's sampled <c>traceparent</c> is followed.</summary>
    [SettingRange(0, 1)]
    public double SampleRatio { get; set; } = 1.0;
}
