using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using ProductQuality.Graph.Infrastructure;

namespace ProductQuality.Graph.Operations.Health;

/// <summary>
/// <c>/health/live</c>: the process answers (no check, no dependency — restarting a server because its database is
/// down cures nothing). <c>/health/ready</c>: every check tagged <c>ready</c> — the database, its migrations, and
/// whatever other parts register (the access log adds its own) — 200 when healthy or degraded, 503 when not.
/// Neither needs a token and neither is rate limited: probes come from the orchestrator.
/// </summary>
internal static class HealthRegistration
{
    public const string ReadyTag = "ready";
    public const string LivePath = "/health/live";
    public const string ReadyPath = "/health/ready";

    public static void AddHealthProbes(this IHostApplicationBuilder builder)
    {
        builder.AddCheckedOptions<HealthOptions>(HealthOptions.Section)
            .ValidateSettingAnnotations(HealthOptions.Section).ValidateOnStart();
        // Readiness is logged when it changes (ReadinessLog), not as an error with a stack at every probe.
        builder.Services.AddSingleton<ReadinessLog>();
        builder.Logging.AddFilter(ReadinessLog.SilencedCategory, LogLevel.None);
        builder.Services.AddHealthChecks()
            .AddCheck<DatabaseCheck>(DatabaseCheck.Name, tags: [ReadyTag])
            .AddCheck<MigrationsCheck>(MigrationsCheck.Name, tags: [ReadyTag]);
        // Every check without a timeout of its own, also those other parts register later, gets the configured one.
        builder.Services.AddOptions<HealthCheckServiceOptions>()
            .PostConfigure<IOptions<HealthOptions>>((service, health) =>
        {
            // Each is bounded too: the timeout only cancels its token, which a call into a hung database does not heed.
            foreach (var check in service.Registrations)
            {
                if (check.Timeout == Timeout.InfiniteTimeSpan)
                {
                    check.Timeout = TimeSpan.FromSeconds(health.Value.CheckTimeoutSeconds);
                }

                var inner = check.Factory;
                var shared = new SharedCheckRun();
                check.Factory = services => new BoundedCheck(services.GetRequiredService<IServiceScopeFactory>(),
                    inner, shared, services.GetRequiredService<ILogger<BoundedCheck>>());
            }
        });
    }

    /// <summary>Probes are read (GET, and HEAD through it): a POST or PUT is 405, not a 200 that did nothing.</summary>
    private static readonly HttpMethodMetadata ReadOnly = new([HttpMethods.Get]);

    public static void MapHealthProbes(this WebApplication app)
    {
        app.MapHealthChecks(LivePath, new HealthCheckOptions
        {
            Predicate = _ => false,
            ResponseWriter = HealthReportWriter.WriteAsync,
        }).WithMetadata(ReadOnly);
        var readiness = app.Services.GetRequiredService<ReadinessLog>();
        app.MapHealthChecks(ReadyPath, new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(ReadyTag),
            ResponseWriter = (http, report) =>
            {
                readiness.Note(report);
                return HealthReportWriter.WriteAsync(http, report);
            },
        }).WithMetadata(ReadOnly);
    }
}
