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
            .ValidateDataAnnotations()
            .Validate(o => o.ListSizes.Values.All(v => v >= 0), "GraphQL:Limits:ListSizes values must be 0 or more.")
            .Validate(o => o.FieldCosts.Values.All(v => v >= 0), "GraphQL:Limits:FieldCosts values must be 0 or more.")
            .Validate(o => o.AsOfCostFactors.Values.All(v => v >= 1),
                "GraphQL:Limits:AsOfCostFactors values must be 1 or more.")
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<AccessOptions>, UsageLimitsValidation>();
        services.AddOptions<AccessOptions>().ValidateOnStart();
        services.AddSingleton<UsageLimitsPolicy>();
        services.AddSingleton<DepartmentRateLimiter>();
        services.AddSingleton<DepartmentConcurrencyLimiter>();
        services.AddSingleton<QueryLimits>();
        return services;
    }
}
