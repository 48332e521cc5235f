using ProductQuality.Graph.Infrastructure;

namespace ProductQuality.Graph.Audit;

/// <summary>Composition of the access log: its settings, the chain store and the group-commit writer.</summary>
public static class AccessLogRegistration
{
    public static IHostApplicationBuilder AddAccessLog(this IHostApplicationBuilder builder)
    {
        builder.AddCheckedOptions<AccessLogOptions>(AccessLogOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<AccessLogStore>();
        builder.Services.AddSingleton<AccessLogWriter>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<AccessLogWriter>());
        builder.Services.AddSingleton<AccessLogging>();
        builder.Services.AddSingleton<ChainVerifier>();
        builder.Services.AddSingleton<CheckpointSigner>();

        // Unready while requests cannot be logged; the health endpoints themselves are mapped with the others.
        builder.Services.AddHealthChecks().AddCheck<AccessLogHealthCheck>("access-log", tags: ["ready"]);
        return builder;
    }
}
