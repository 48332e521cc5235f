using System.Net;
using Microsoft.Extensions.Options;

namespace ProductQuality.Graph.Operations.Telemetry;

/// <summary>Telemetry settings checked at start: one sentence per mistake, exit code 3.</summary>
internal sealed class TelemetryValidation : IValidateOptions<TelemetryOptions>
{
    private const string S = TelemetryOptions.Section;

    public ValidateOptionsResult Validate(string? name, TelemetryOptions options)
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(options.ServiceName))
        {
            problems.Add($"Setting {S}:ServiceName is empty, which is not allowed: name the service, e.g. "
                + "productquality-graph.");
        }

        if (options.Otlp.Endpoint is { } endpoint
            && (!endpoint.IsAbsoluteUri || endpoint.Scheme is not ("http" or "https") || endpoint.Host.Length == 0))
        {
            problems.Add($"Setting {S}:Otlp:Endpoint is '{endpoint}', which is not allowed: an http or https address "
                + "of an OpenTelemetry collector such as http://otel-collector:4317, or empty for no export.");
        }

        if (options.Otlp.MetricsIntervalSeconds is < 1 or > 3600)
        {
            problems.Add($"Setting {S}:Otlp:MetricsIntervalSeconds is {options.Otlp.MetricsIntervalSeconds}, which "
                + "is not allowed: between 1 and 3600.");
        }

        if (!double.IsFinite(options.Tracing.SampleRatio) || options.Tracing.SampleRatio is < 0 or > 1)
        {
            problems.Add($"Setting {S}:Tracing:SampleRatio is {options.Tracing.SampleRatio}, which is not allowed: "
                + "a number between 0 and 1 such as 0.25.");
        }

        if (options.MaxOperationNamesPerDepartment is < 0 or > 1000)
        {
            problems.Add($"Setting {S}:MaxOperationNamesPerDepartment is {options.MaxOperationNamesPerDepartment}, "
                + "which is not allowed: between 0 and 1000.");
        }

        var path = options.Prometheus.Path;
        if (options.Prometheus.Enabled && !IsPath(path))
        {
            problems.Add($"Setting {S}:Prometheus:Path is '{path}', which is not allowed: a path such as /metrics "
                + "(starting with /, letters, digits, '-', '_', '.' and '/'), not /graphql or /health.");
        }
        else if (options.Prometheus.Enabled
                 && (Infrastructure.Http.ServerPaths.DotSegment($"{S}:Prometheus:Path", path, "/metrics")
                     ?? Infrastructure.Http.ServerPaths.PrometheusCollision(path!)) is { } clash)
        {
            problems.Add(clash);
        }

        foreach (var network in options.Prometheus.AllowedNetworks)
        {
            if (!IPNetwork.TryParse(network, out _))
            {
                problems.Add($"Setting {S}:Prometheus:AllowedNetworks has '{network}', which is not allowed: a "
                    + "network in CIDR form such as 10.0.0.0/8 or ::1/128.");
            }
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    private static bool IsPath(string? path) =>
        path is { Length: > 1 and <= 100 } && path[0] == '/' && !path.EndsWith('/')
        && path.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '/')
        && !path.Contains("//", StringComparison.Ordinal)
        && !path.StartsWith("/graphql", StringComparison.OrdinalIgnoreCase)
        && !path.StartsWith("/health", StringComparison.OrdinalIgnoreCase);
}
