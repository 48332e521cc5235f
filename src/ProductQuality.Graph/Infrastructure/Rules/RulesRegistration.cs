using Microsoft.Extensions.Options;
using ProductQuality.Graph.Rules;

namespace ProductQuality.Graph.Infrastructure.Rules;

/// <summary>
/// Binds the <c>Rules</c> section (every threshold of the three-division rules) and validates it at start.
/// </summary>
public static class RulesRegistration
{
    public static IHostApplicationBuilder AddProductQualityRules(this IHostApplicationBuilder builder)
    {
        builder.AddCheckedOptions<RulesOptions>(RulesOptions.SectionName).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<RulesOptions>, RulesOptionsValidator>();
        builder.Services.AddSingleton(sp => sp.GetRequiredService<IOptions<RulesOptions>>().Value);
        builder.Services.AddSingleton<ProductQuality.Graph.Rules.Supervision.InspectionFrequencyRule>();
        builder.Services.AddSingleton<Assessment.ReEvaluator>();
        builder.Services.AddSingleton<Assessment.Recomputer>();
        // The reader of what the re-evaluation appends: the query field reads it, and a push subscription can too.
        builder.Services.AddSingleton<Changes.IChangeFeed, Changes.ChangeFeed>();
        return builder;
    }

    private sealed class RulesOptionsValidator : IValidateOptions<RulesOptions>
    {
        public ValidateOptionsResult Validate(string? name, RulesOptions options)
        {
            var errors = options.Validate();
            return errors.Count == 0 ? ValidateOptionsResult.Success
                : ValidateOptionsResult.Fail(errors.Select(e => e.StartsWith("Setting ", StringComparison.Ordinal)
                    ? e
                    : "Setting " + e));
        }
    }
}
