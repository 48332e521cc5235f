using System.Globalization;
using Microsoft.Extensions.Options;

namespace ProductQuality.Graph.Infrastructure.Http.Limits;

/// <summary>
/// The per-field values of <see cref="QueryLimitsOptions"/> must be in range, each refusal naming its key: "ListSizes
/// values must be 0 or more" left the operator to search a list of fields for the one that was not.
/// </summary>
internal sealed class QueryLimitsValuesValidation : IValidateOptions<QueryLimitsOptions>
{
    public ValidateOptionsResult Validate(string? name, QueryLimitsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = Below(nameof(options.ListSizes), options.ListSizes, 0)
            .Concat(Below(nameof(options.FieldCosts), options.FieldCosts, 0))
            .Concat(Below(nameof(options.FilteredFieldCosts), options.FilteredFieldCosts, 0))
            .Concat(Below(nameof(options.AsOfCostFactors), options.AsOfCostFactors, 1)).ToList();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    private static IEnumerable<string> Below<T>(string section, IDictionary<string, T> values, T least)
        where T : IComparable<T> =>
        values.Where(v => v.Value.CompareTo(least) < 0).OrderBy(v => v.Key, StringComparer.Ordinal).Select(v =>
            string.Create(CultureInfo.InvariantCulture, $"Setting {QueryLimitsOptions.Section}:{section}:{v.Key} is "
                + $"{v.Value}: it must be {least} or more."));
}
