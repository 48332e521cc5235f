using Microsoft.Extensions.Options;
using ProductQuality.Graph.Infrastructure.Http;
using ProductQuality.Graph.Operations.Health;
using ProductQuality.Graph.Operations.Logging;
using ProductQuality.Graph.Operations.RequestIds;
using ProductQuality.Graph.Operations.Telemetry;

namespace ProductQuality.Graph.Operations;

/// <summary>
/// What an operator needs beside the API: one request id per request, health probes, metrics and traces, and the
/// log format. Settings: <c>Health</c>, <c>Telemetry</c>, <c>Logging:Format</c> (see appsettings.example.json).
/// </summary>
public static class OperationsRegistration
{
    public static IHostApplicationBuilder AddOperations(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddLogFormat();
        builder.Services.AddRequestIds();
        builder.AddHealthProbes();
        builder.AddTelemetry();
        builder.AddAllowedHosts();
        return builder;
    }

    /// <summary>Before the GraphQL endpoint, so every answer carries the request id.</summary>
    public static WebApplication UseOperations(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseRequestIdHeader();
        // Probes and scrapes address the server by its IP: exempt from the names (AllowedHosts).
        var telemetry = app.Services.GetRequiredService<IOptions<TelemetryOptions>>().Value;
        app.UseAllowedHosts(path => TelemetryRegistration.IsOperationsPath(path, telemetry));
        return app;
    }

    public static WebApplication MapOperations(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapHealthProbes();
        app.MapTelemetry();
        return app;
    }
}
