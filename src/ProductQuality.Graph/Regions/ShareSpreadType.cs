using GraphQL.Types;
using ProductQuality.Graph.Access;
using ProductQuality.Graph.Schema;

namespace ProductQuality.Graph.Regions;

/// <summary>How a share spreads over the assessed regions of a level.</summary>
public sealed class ShareSpreadType : ContractObjectGraphType<ShareSpread>
{
    public ShareSpreadType(SchemaContract contract)
        : base(contract)
    {
        Name = "ShareSpread";
        Description = "A share's spread over the assessed regions of a level, percent: least, quartiles "
            + "(each a region's own share), greatest.";
        Field<NonNullGraphType<FloatGraphType>>(FieldGroup.Regions, "min")
            .Description("Least share.")
            .ResolveSource(s => s.Min);
        Field<NonNullGraphType<FloatGraphType>>(FieldGroup.Regions, "lowerQuartile")
            .Description("A quarter of the regions are at or below this.")
            .ResolveSource(s => s.LowerQuartile);
        Field<NonNullGraphType<FloatGraphType>>(FieldGroup.Regions, "median")
            .Description("Half of the regions are at or below this.")
            .ResolveSource(s => s.Median);
        Field<NonNullGraphType<FloatGraphType>>(FieldGroup.Regions, "upperQuartile")
            .Description("Three quarters of the regions are at or below this.")
            .ResolveSource(s => s.UpperQuartile);
        Field<NonNullGraphType<FloatGraphType>>(FieldGroup.Regions, "max")
            .Description("Greatest share.")
            .ResolveSource(s => s.Max);
    }
}
