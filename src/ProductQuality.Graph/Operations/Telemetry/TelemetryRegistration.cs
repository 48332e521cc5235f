using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Options;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using ProductQuality.Graph.Infrastructure;

namespace ProductQuality.Graph.Operations.Telemetry;

/// <summary>
/// OpenTelemetry: the server's meter, ASP.NET Core's HTTP metrics and Npgsql's pool metrics, read by the Prometheus
/// scrape endpoint and, when <c>Telemetry:Otlp:Endpoint</c> is set, pushed with traces (ASP.NET Core requests and
/// EF Core commands) to a collector. Nothing is fetched or sent unless configured.
/// </summary>
internal static class TelemetryRegistration
{
    public static void AddTelemetry(this IHostApplicationBuilder builder)
    {
        builder.AddCheckedOptions<TelemetryOptions>(TelemetryOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<TelemetryOptions>, TelemetryValidation>();
        builder.Services.AddSingleton<GraphQLMetrics>();
        builder.Services.AddSingleton<OperationNames>();
        builder.Services.AddSingleton<IInterceptor, DatabaseTimeInterceptor>();

        // Which exporters exist is decided now; a bad value is refused by the validation above before the providers
        // start, so here a bad endpoint only means "no exporter".
        var options = builder.Configuration.GetSection(TelemetryOptions.Section).Get<TelemetryOptions>() ?? new();
        var otlp = options.Otlp.Endpoint is { IsAbsoluteUri: true, Scheme: "http" or "https" } endpoint
            ? endpoint
            : null;
        var prometheus = options.Prometheus.Enabled;
        if (otlp is null && !prometheus)
        {
            return;
        }

        var telemetry = builder.Services.AddOpenTelemetry()
            // An empty name threw inside OpenTelemetry before the validation could say so; it still says so.
            .ConfigureResource(resource => resource.AddService(
                string.IsNullOrWhiteSpace(options.ServiceName) ? "productquality-graph" : options.ServiceName,
                serviceVersion: typeof(TelemetryRegistration).Assembly.GetName().Version?.ToString()));
        telemetry.WithMetrics(metrics =>
        {
            metrics.AddMeter(GraphQLMetrics.MeterName, "Npgsql").AddAspNetCoreInstrumentation();
            if (prometheus)
            {
                metrics.AddPrometheusExporter();
            }

            if (otlp is not null)
            {
                metrics.AddOtlpExporter((exporter, reader) =>
                {
                    Point(exporter, otlp, options.Otlp.Protocol, "v1/metrics");
                    reader.PeriodicExportingMetricReaderOptions.ExportIntervalMilliseconds =
                        Math.Clamp(options.Otlp.MetricsIntervalSeconds, 1, 3600) * 1000;
                });
            }
        });

        if (otlp is not null)
        {
            builder.Services.AddHostedService(services => new ExportFailureLog(
                services.GetRequiredService<ILogger<ExportFailureLog>>(), services.GetRequiredService<TimeProvider>(),
                otlp));
            telemetry.WithTracing(tracing => tracing
                .SetSampler(new ParentBasedSampler(new TraceIdRatioBasedSampler(options.Tracing.SampleRatio)))
                .AddAspNetCoreInstrumentation(asp => asp.Filter = http => !IsOperationsPath(http.Request.Path, options))
                .AddEntityFrameworkCoreInstrumentation()
                .AddOtlpExporter(exporter => Point(exporter, otlp, options.Otlp.Protocol, "v1/traces")));
        }
    }

    /// <summary>
    /// Set in code, the endpoint is used as given: over HTTP the exporter does not add the signal's path itself (it
    /// does only for the OTEL_EXPORTER_OTLP_ENDPOINT variable), so it is added here.
    /// </summary>
    private static void Point(OtlpExporterOptions exporter, Uri endpoint, OtlpProtocol protocol, string signalPath)
    {
        exporter.Protocol = protocol == OtlpProtocol.Grpc ? OtlpExportProtocol.Grpc : OtlpExportProtocol.HttpProtobuf;
        exporter.Endpoint = protocol == OtlpProtocol.Grpc
            ? endpoint
            : new Uri(endpoint.AbsoluteUri.TrimEnd('/') + "/" + signalPath);
    }

    /// <summary>
    /// The health probes and the metrics scrape: not traced (every few seconds, they would drown the requests), and
    /// answered under any host name (<see cref="Infrastructure.Http.AllowedHosts"/>).
    /// </summary>
    internal static bool IsOperationsPath(PathString path, TelemetryOptions options) =>
        path.StartsWithSegments("/health") || path.StartsWithSegments(options.Prometheus.Path);

    public static void MapTelemetry(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<TelemetryOptions>>().Value;
        if (!options.Prometheus.Enabled)
        {
            return;
        }

        var access = new ScrapeAccess(options.Prometheus.AllowedNetworks);
        app.MapPrometheusScrapingEndpoint(options.Prometheus.Path, meterProvider: null,
            configureBranchedPipeline: branch => branch.Use((http, next) => access.Guard(http, () => next(http))),
            optionsName: null).WithMetadata(new HttpMethodMetadata([HttpMethods.Get]));
    }
}
