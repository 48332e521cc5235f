using Microsoft.Extensions.Options;
using ProductQuality.Graph.Explorer.Map;
using ProductQuality.Graph.Operations.Health;
using ProductQuality.Graph.Operations.Telemetry;
using ProductQuality.Graph.Receipts;

namespace ProductQuality.Graph.Infrastructure.Http;

/// <summary>
/// The addresses the server answers besides GraphQL, which a configured path must leave alone: GraphQL:Path set to
/// /health/ready started, then answered every request there 500 (two endpoints matched) and broke the readiness
/// probe; Telemetry:Prometheus:Path set to the GraphQL path did the same to GraphQL.
/// </summary>
internal static class ServerPaths
{
    private static readonly string[] Fixed =
    [
        "/", "/ui", HealthRegistration.LivePath, HealthRegistration.ReadyPath, MapRegistration.PagePath,
        MapRegistration.BoundariesPath, ReceiptRegistration.JwksPath,
    ];

    /// <summary>What is wrong with serving GraphQL at <paramref name="graphQL"/>; null when nothing else is there.
    /// </summary>
    public static string? Collision(string graphQL, TelemetryOptions telemetry)
    {
        var taken = telemetry.Prometheus.Enabled ? Fixed.Append(telemetry.Prometheus.Path) : Fixed;
        var clash = taken.FirstOrDefault(p => Overlaps(p, graphQL));
        return clash is null
            ? null
            : $"Setting GraphQL:Path is '{graphQL}', which is not allowed: the server answers {clash} itself "
                + (clash == telemetry.Prometheus.Path && !Fixed.Contains(clash)
                    ? "(Telemetry:Prometheus:Path); give the two different paths."
                    : "(health, map, keys or the IDE's redirects); choose another path such as /graphql.");
    }

    /// <summary>
    /// What is wrong with scraping metrics at <paramref name="prometheus"/>; null when no fixed address is there. It
    /// was compared with GraphQL:Path and /health only: set to /map (or /Map, routes ignore case) it started, then
    /// /map answered 500 (two endpoints matched) and /metrics 404.
    /// </summary>
    public static string? PrometheusCollision(string prometheus)
    {
        var clash = Fixed.FirstOrDefault(p => string.Equals(p, prometheus, StringComparison.OrdinalIgnoreCase));
        return clash is null
            ? null
            : $"Setting Telemetry:Prometheus:Path is '{prometheus}', which is not allowed: the server answers {clash} "
                + "itself (health, map, keys or the IDE's redirects); choose another path such as /metrics.";
    }

    /// <summary>
    /// What is wrong with <paramref name="path"/> having a '.' or '..' segment, or null: a client resolves them before
    /// it sends the request (/a/../map is sent as /map), so no request reaches such a path.
    /// </summary>
    public static string? DotSegment(string setting, string? path, string example) =>
        path is not null && path.Split('/').Any(segment => segment is "." or "..")
            ? $"Setting {setting} is '{Quoted.Start(path)}', which is not allowed: it has a '.' or '..' segment, "
                + "which clients resolve before they send a request, so no request would reach it; give a path "
                + $"without them, such as {example}."
            : null;

    /// <summary>Checks GraphQL:Path against the other addresses at start (exit code 3).</summary>
    internal sealed class Validation(IOptions<TelemetryOptions> telemetry) : IValidateOptions<GraphQLHttpOptions>
    {
        public ValidateOptionsResult Validate(string? name, GraphQLHttpOptions options) =>
            (DotSegment("GraphQL:Path", options.Path, "/graphql") ?? Collision(options.Path, telemetry.Value))
                is { } problem
                ? ValidateOptionsResult.Fail(problem)
                : ValidateOptionsResult.Success;
    }

    // The GraphQL endpoint also answers below its path (/graphql/schema.graphql, the IDE's files).
    private static bool Overlaps(string other, string graphQL) =>
        string.Equals(other.TrimEnd('/'), graphQL.TrimEnd('/'), StringComparison.OrdinalIgnoreCase)
        || other.StartsWith(graphQL.TrimEnd('/') + "/", StringComparison.OrdinalIgnoreCase)
        || graphQL.StartsWith(other.TrimEnd('/') + "/", StringComparison.OrdinalIgnoreCase) && other != "/";
}
