using Microsoft.Extensions.Options;
using ProductQuality.Graph.Access;

namespace ProductQuality.Graph.Infrastructure.Http.Limits;

/// <summary>Composition of the request limits: their settings (checked at start), the per-department rates and
/// requests at once.</summary>
internal static class LimitsRegistration
{
    public static IServiceCollection AddQueryLimits(this IServiceCollection services,
        IConfiguration? configuration = null)
    {
        // Read against the options class first: a word in ListSizes (Query.products=abc) was skipped by the binder
        // without a word, and MaxAliases=abc came out as the binder's sentence with a .NET type name.
        if (configuration is not null)
        {
            SettingsCheck.ThrowIfUnreadable<QueryLimitsOptions>(configuration.GetSection(QueryLimitsOptions.Section));
        }

        services.AddOptions<QueryLimitsOptions>()
            .BindConfiguration(QueryLimitsOptions.Section)
            .ValidateSettingAnnotations(QueryLimitsOptions.Section)
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<QueryLimitsOptions>, QueryLimitsValuesValidation>();
        services.AddSingleton<IValidateOptions<AccessOptions>, UsageLimitsValidation>();
        services.AddOptions<AccessOptions>().ValidateOnStart();
        services.AddSingleton<UsageLimitsPolicy>();
        services.AddSingleton<DepartmentRateLimiter>();
        services.AddSingleton<DepartmentConcurrencyLimiter>();
        services.AddSingleton<CountedLists>();
        services.AddSingleton<QueryLimits>();
        return services;
    }
}
