using GraphQL.Types;
using Microsoft.Extensions.Options;

namespace ProductQuality.Graph.Infrastructure.Http.Limits;

/// <summary>
/// The fields <c>GraphQL:Limits:ListSizes</c>, <c>FieldCosts</c>, <c>FilteredFieldCosts</c> and
/// <c>AsOfCostFactors</c> name must exist in
/// some contract's schema: a misspelt one ("Query.prodcts") was ignored without a word and the list it meant kept
/// the default estimate. Checked once the schemas are built, at start, with the other settings' sentences.
/// </summary>
internal static class ListSizeNames
{
    public static void ThrowIfUnknown(QueryLimitsOptions options, IEnumerable<ISchema> schemas)
    {
        var fields = schemas.SelectMany(s => s.AllTypes.OfType<IComplexGraphType>())
            .SelectMany(t => t.Fields.Select(f => $"{t.Name}.{f.Name}"))
            .ToHashSet(StringComparer.Ordinal);
        var unknown = new[]
            {
                ("ListSizes", options.ListSizes.Keys), ("FieldCosts", options.FieldCosts.Keys),
                ("AsOfCostFactors", options.AsOfCostFactors.Keys),
                ("FilteredFieldCosts", options.FilteredFieldCosts.Keys),
            }
            .SelectMany(setting => setting.Keys.Where(k => !fields.Contains(k)).Order(StringComparer.Ordinal)
                .Select(k => $"{setting.Item1}:{k}"))
            .ToList();
        if (unknown.Count > 0)
        {
            throw new OptionsValidationException(QueryLimitsOptions.Section, typeof(QueryLimitsOptions),
                unknown.Select(k => $"Setting {QueryLimitsOptions.Section}:{k} names no field of any "
                    + "contract: give Type.field as the schema spells it (e.g. Query.products, Enterprise.licences)."));
        }
    }
}
