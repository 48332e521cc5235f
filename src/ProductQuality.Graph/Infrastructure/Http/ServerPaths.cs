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

    /// <summary>Checks GraphQL:Path against the other addresses at start (exit code 3).</summary>
    internal sealed class Validation(IOptions<TelemetryOptions> telemetry) : IValidateOptions<GraphQLHttpOptions>
    {
        public ValidateOptionsResult Validate(string? name, GraphQLHttpOptions options) =>
            Collision(options.Path, telemetry.Value) is { } problem
                ? ValidateOptionsResult.Fail(problem)
                : ValidateOptionsResult.Success;
    }

    // The GraphQL endpoint also answers below its path (/graphql/schema.graphql, the IDE's files).
    private static bool Overlaps(string other, string graphQL) =>
        string.Equals(other.TrimEnd('/'), graphQL.TrimEnd('/'), StringComparison.OrdinalIgnoreCase)
        || other.StartsWith(graphQL.TrimEnd('/') + "/", StringComparison.OrdinalIgnoreCase)
        || graphQL.StartsWith(other.TrimEnd('/') + "/", StringComparison.OrdinalIgnoreCase) && other != "/";
}
