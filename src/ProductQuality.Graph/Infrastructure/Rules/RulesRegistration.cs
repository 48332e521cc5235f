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
            var errors = options.Validate().Select(e => e.StartsWith("Setting ", StringComparison.Ordinal)
                ? e
                : "Setting " + e).ToList();
            if (VersionProblem(options.Version) is { } version)
            {
                errors.Add(version);
            }

            errors.AddRange(ExclusionCodeProblems(options.Supervision.Exclusions));

            return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
        }

        /// <summary>
        /// A campaign's codes are compared with the stored ones as they are: a lower-case, mistyped or unknown code
        /// (P999) excluded nothing, silently (the fuzz probe). Checked as the API checks them — a credit code as
        /// INVALID_CREDIT_CODE says (the API does not upper-case one, nor does this), a product code against the
        /// embedded catalogue every database is seeded from. The rules project knows neither, so the check is here.
        /// </summary>
        private static IEnumerable<string> ExclusionCodeProblems(List<ProductQuality.Graph.Rules.Supervision
            .CampaignExclusion> exclusions)
        {
            for (var i = 0; i < exclusions.Count; i++)
            {
                var where = $"Setting {RulesOptions.SectionName}:Supervision:Exclusions:{i}";
                for (var j = 0; j < exclusions[i].CreditCodes.Count; j++)
                {
                    var code = exclusions[i].CreditCodes[j];
                    if (Enterprises.CreditCode.Validate(code) is { IsValid: false } check)
                    {
                        yield return $"{where}:CreditCodes:{j} is '{Quoted.Start(code)}', which is not a valid "
                            + $"unified social credit code: {check.Problem}.";
                    }
                }

                for (var j = 0; j < exclusions[i].ProductCodes.Count; j++)
                {
                    var code = exclusions[i].ProductCodes[j];
                    if (ReferenceData.CatalogueArgument.ProductProblem(code ?? "") is { } problem)
                    {
                        yield return $"{where}:ProductCodes:{j} is '{Quoted.Start(code)}', which {problem}.";
                    }
                }
            }
        }

        /// <summary>
        /// The version is stored beside every result the rules produce, in a column of
        /// <see cref="Data.ProductQualityDbContext.MaxTextLength"/> characters: longer (or holding a character no
        /// column takes), the server started, and on PostgreSQL every re-evaluating write and the daily run then
        /// failed (value too long for varchar(256)), with <c>recompute</c> blaming the migrations. The rules project
        /// knows nothing of storage, so the check is here. Counted as PostgreSQL counts: Unicode scalar values.
        /// </summary>
        private static string? VersionProblem(string? version)
        {
            const string Setting = RulesOptions.SectionName + ":" + nameof(RulesOptions.Version);
            const int Limit = Data.ProductQualityDbContext.MaxTextLength;
            if (version is null)
            {
                return null;
            }

            if (StoredText.Problem(version) is { } problem)
            {
                return $"Setting {Setting} {problem}, which no database column can store: remove it.";
            }

            var characters = Recording.WriteScope.Characters(version);
            return characters <= Limit ? null
                : $"Setting {Setting} is '{Quoted.Start(version)}', which is not allowed: it has {characters:N0} "
                    + $"characters, and a rules version is stored with every result in a column of at most {Limit}; "
                    + "give a shorter one.";
        }
    }
}
