using System.Reflection;
using Microsoft.AspNetCore.Hosting;

namespace ProductQuality.Graph.Infrastructure;

/// <summary>
/// The keys without a section that a command line may set as <c>--name=value</c>: the host's own (ASP.NET Core reads
/// <c>urls</c>, <c>environment</c>, <c>AllowedHosts</c>, … at the top level) and the server's sections, whose single
/// value the settings check refuses with its own sentence (exit code 3). Any other <c>--name=value</c> is a misspelt
/// option: 'audit verify --checkpont=head.json' was taken for a setting nobody reads, and the chain was reported intact
/// without the checkpoint being checked.
/// </summary>
internal static class TopLevelSettings
{
    private static readonly HashSet<string> Known = new(
        [
            // Every key the web host and the generic host read: a key a later ASP.NET Core adds is known too.
            .. Constants(typeof(WebHostDefaults)), .. Constants(typeof(HostDefaults)),
            // Host filtering, HTTPS redirection and forwarded headers, which WebApplication sets up from them.
            "AllowedHosts", "https_port", "FORWARDEDHEADERS_ENABLED",
            // Sections: the framework's and the server's own (UnknownSettings records the same).
            "Kestrel", "hostBuilder", Data.DatabaseOptions.Section, Clock.ClockOptions.Section,
            Maintenance.MaintenanceOptions.Section, Http.GraphQLHttpOptions.Section, Access.Tokens.TokenOptions.Section,
            Access.AccessOptions.Section, Explorer.Map.MapOptions.Section, Audit.AccessLogOptions.Section,
            Receipts.ReceiptOptions.Section, Graph.Rules.RulesOptions.SectionName,
            Operations.Health.HealthOptions.Section, Operations.Telemetry.TelemetryOptions.Section,
            Operations.Logging.LogFormatOptions.Section,
        ],
        StringComparer.OrdinalIgnoreCase);

    /// <summary>Whether <paramref name="key"/> (without its dashes) is one a command line may set without a section.
    /// Compared as configuration compares keys: without regard to case.</summary>
    public static bool IsKnown(string key) => Known.Contains(key);

    private static IEnumerable<string> Constants(Type type) =>
        type.GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(string)).Select(f => (string)f.GetValue(null)!);
}
