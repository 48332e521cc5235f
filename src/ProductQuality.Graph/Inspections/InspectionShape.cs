using GraphQLParser.AST;

namespace ProductQuality.Graph.Inspections;

/// <summary>
/// Which columns of an inspection a selection needs: a summary (the report number, sampling day, verdict and failed
/// items, what a status or a page's latest inspection asks) or every column.
/// </summary>
/// <remarks>
/// A page's latest inspections are 100 rows of 14 columns, six of them text; reading the nine a summary does not use
/// (laboratory, batch, model, authority, …) was most of what those rows cost to decode and materialise. A selection
/// is a summary only when it is plain fields of <see cref="SummaryFields"/>: a fragment, whatever it contains, loads
/// every column, so no field can ever read a column that was not loaded.
/// </remarks>
public enum InspectionShape
{
    Full,
    Summary,
}

public static class InspectionShapes
{
    /// <summary>The fields a summary answers: each reads only the summary columns (see
    /// <see cref="NewestInspections"/>).</summary>
    public static readonly IReadOnlySet<string> SummaryFields = new HashSet<string>(StringComparer.Ordinal)
    {
        "reportNumber", "sampledOn", "passed", "failedItems", "__typename",
    };

    /// <summary>The shape an <c>inspections</c> field's selection needs.</summary>
    public static InspectionShape Of(GraphQLField inspectionsField)
    {
        ArgumentNullException.ThrowIfNull(inspectionsField);
        foreach (var selection in inspectionsField.SelectionSet?.Selections ?? [])
        {
            if (selection is not GraphQLField field || !SummaryFields.Contains(field.Name.StringValue))
            {
                return InspectionShape.Full;
            }
        }

        return InspectionShape.Summary;
    }
}
