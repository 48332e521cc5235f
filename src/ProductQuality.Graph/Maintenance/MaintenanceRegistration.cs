using ProductQuality.Graph.Infrastructure;

namespace ProductQuality.Graph.Maintenance;

/// <summary>Registers the daily re-evaluation (server only: the verbs never start hosted services).</summary>
public static class MaintenanceRegistration
{
    public static IHostApplicationBuilder AddDailyReEvaluation(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddCheckedOptions<MaintenanceOptions>(MaintenanceOptions.Section)
            .ValidateSettingAnnotations(MaintenanceOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<MaintenanceStatus>();
        builder.Services.AddScoped<DueReEvaluation>();
        builder.Services.AddHostedService<DailyReEvaluationService>();
        return builder;
    }
}
