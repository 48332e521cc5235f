using GraphQL.Types;
using ProductQuality.Graph.Access;
using ProductQuality.Graph.Schema;

namespace ProductQuality.Graph.Statistics;

/// <summary>Counties by colour at one year end.</summary>
public sealed class YearEndColoursType : ContractObjectGraphType<YearEndColours>
{
    public YearEndColoursType(SchemaContract contract)
        : base(contract)
    {
        Name = "YearEndColours";
        Description = "Counties by region colour (区域分色) as they stood at one year end (年末).";
        Field<NonNullGraphType<DateScalar>>(FieldGroup.Write, "yearEnd").Description("31 December of the year.")
            .ResolveSource(s => s.YearEnd);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StatisticsCountType>>>>(FieldGroup.Write, "colours")
            .Description("Counties by colour on that day, and NOT_ASSESSED (未评定).").ResolveSource(s => s.Colours);
    }
}
