using System.Globalization;
using GraphQL;
using GraphQLParser.AST;
using ProductQuality.Graph.Inspections;
using ProductQuality.Graph.Schema;

namespace ProductQuality.Graph.Enterprises;

/// <summary>
/// The rows a selection asks of enterprises a resolver has just fetched, loaded with them: their products, and their
/// newest inspections for each limit asked. Each such field then returns its list at once instead of a pending load,
/// which GraphQL.NET completes in a second pass over the tree (a kept context and a deferred completion for every
/// enterprise). The statements are the ones the batches would have sent. A look-ahead that guesses wrong only costs a
/// statement (rows no field reads, or a batch as before), never an answer: each field still asks its own loader.
/// </summary>
internal static class EnterpriseLookAhead
{
    // Aliases asking for more distinct limits (or shapes) than this are unusual; the rest are batched as before.
    private const int MaxLimitsLoaded = 3;

    /// <summary>Where a field that returns one enterprise finds it: its own selection.</summary>
    public static readonly IReadOnlyList<string[]> OneEnterprise = [[]];

    /// <summary>Where a page finds its enterprises: below <c>edges.node</c> and below <c>items</c>.</summary>
    public static readonly IReadOnlyList<string[]> PageOfEnterprises = [["edges", "node"], ["items"]];

    /// <summary>
    /// Loads what the current field's selection asks below each path to an enterprise (<see cref="OneEnterprise"/>,
    /// <see cref="PageOfEnterprises"/>). Named paths, not a <c>params</c> list: a bare <c>[]</c> there once meant
    /// "no path at all", and one enterprise's products and inspections were silently batched instead.
    /// </summary>
    public static async Task LoadAskedAsync(this IResolveFieldContext context, IReadOnlyList<int> enterpriseIds,
        IReadOnlyList<string[]> toEnterprise)
    {
        if (enterpriseIds.Count == 0)
        {
            return;
        }

        if (toEnterprise.Any(path => context.Asks([.. path, "products"])))
        {
            await context.PrimeProductsAsync(enterpriseIds);
        }

        // Copies of one field under one response key are merged by GraphQL into one field, which reads whole rows if
        // any copy asks beyond the summary: only that shape is loaded for them, not a summary nobody reads.
        var loads = toEnterprise.SelectMany(path => context.FieldsAt([.. path, "inspections"]))
            .Select(field => (Key: (field.Alias?.Name ?? field.Name).StringValue,
                Limit: InspectionLimit(context, field), Shape: InspectionShapes.Of(field)))
            .Where(load => load.Limit is not null)
            .GroupBy(load => (load.Key, load.Limit))
            .Select(copies => (copies.Key.Limit, Shape: copies.Any(c => c.Shape == InspectionShape.Full)
                ? InspectionShape.Full
                : InspectionShape.Summary))
            .Distinct().Take(MaxLimitsLoaded);
        foreach (var (limit, shape) in loads.ToList())
        {
            await context.PrimeInspectionsAsync(enterpriseIds, limit!.Value, shape);
        }
    }

    /// <summary>
    /// The limit an <c>inspections</c> field will resolve with, or null when the document does not say it plainly (a
    /// variable without a value, a null): that field is then batched. A limit the field refuses is refused here, by
    /// the field that fetched the enterprises: one error for the page, not one for each of its enterprises.
    /// </summary>
    internal static int? InspectionLimit(IResolveFieldContext context, GraphQLField field)
    {
        var argument = field.Arguments?.Items.Find(a => a.Name.Value.Span.SequenceEqual("limit"));
        int? asked = argument?.Value switch
        {
            null => EnterpriseLoaders.DefaultInspectionLimit,
            GraphQLIntValue literal => int.TryParse(literal.Value.Span, NumberStyles.AllowLeadingSign,
                CultureInfo.InvariantCulture, out var n) ? n : null,
            GraphQLVariable variable => context.Variables?.ValueFor(variable.Name.Value, out var value) == true
                && value.Value is int n ? n : null,
            _ => null,
        };
        return asked is { } limit ? EnterpriseLoaders.CheckedInspectionLimit(limit) : null;
    }
}
