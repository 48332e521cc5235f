using GraphQL.Types;
using ProductQuality.Graph.Access;
using ProductQuality.Graph.Schema;

namespace ProductQuality.Graph.Statistics;

/// <summary>One value of a distribution with its count and share.</summary>
public sealed class StatisticsCountType : ContractObjectGraphType<StatisticsCount>
{
    public StatisticsCountType(SchemaContract contract)
        : base(contract)
    {
        Name = "StatisticsCount";
        Description = "One value of a distribution (分布): a tier, class or colour (or NOT_ASSESSED 未评定), "
            + "how many, and the share.";
        Field<NonNullGraphType<StringGraphType>>(FieldGroup.Write, "key")
            .Description("The value, as the enum names it, e.g. HIGH, AA, RED.").ResolveSource(s => s.Key);
        Field<NonNullGraphType<IntGraphType>>(FieldGroup.Write, "count").Description("How many.")
            .ResolveSource(s => s.Count);
        Field<NonNullGraphType<FloatGraphType>>(FieldGroup.Write, "sharePercent")
            .Description("Share of the distribution's total, percent, to one place.")
            .ResolveSource(s => s.SharePercent);
    }
}
