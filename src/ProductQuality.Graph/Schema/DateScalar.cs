using GraphQL.Types;

namespace ProductQuality.Graph.Schema;

/// <summary>A calendar date, ISO 8601 <c>YYYY-MM-DD</c> (dates of decisions, samplings, validity).</summary>
public sealed class DateScalar : DateOnlyGraphType
{
    public DateScalar()
    {
        Name = "Date";
        Description = "A calendar date in ISO 8601 form, YYYY-MM-DD (China Standard Time calendar day).";
    }
}
