using GraphQL.Types;
using ProductQuality.Graph.Access;
using ProductQuality.Graph.Rules.Regions;
using ProductQuality.Graph.Schema;

namespace ProductQuality.Graph.Regions;

/// <summary>The region-colour thresholds in force for a region: the city's, or its county's own for a town.</summary>
public sealed class RegionColourThresholdsType : ContractObjectGraphType<RegionColourThresholds>
{
    public RegionColourThresholdsType(SchemaContract contract)
        : base(contract)
    {
        Name = "RegionColourThresholds";
        Description = "Thresholds of the region colour (区域分色) as configured now: the city's, or a county's own for its "
            + "towns (各县结合辖区实际).";
        Field<NonNullGraphType<RegionColourBasisType>>(FieldGroup.Regions, "basis").Description("Which shares decide.")
            .ResolveSource(s => s.Basis);
        Field<NonNullGraphType<FloatGraphType>>(FieldGroup.Regions, "redSharePercentForRed")
            .Description("RED when the red share r (红色占比) is at least this percent.")
            .Resolve(c => (double)c.Source.RedSharePercentForRed);
        Field<NonNullGraphType<FloatGraphType>>(FieldGroup.Regions, "redYellowSharePercentForYellow")
            .Description("YELLOW when r + y (红黄占比) is at least this percent.")
            .Resolve(c => (double)c.Source.RedYellowSharePercentForYellow);
        Field<NonNullGraphType<FloatGraphType>>(FieldGroup.Regions, "redYellowSharePercentForBlue")
            .Description("BLUE when r + y is at least this percent; otherwise GREEN.")
            .Resolve(c => (double)c.Source.RedYellowSharePercentForBlue);
        Field<NonNullGraphType<FloatGraphType>>(FieldGroup.Regions, "classCSharePercentForRed")
            .Description("Class-C basis: RED at this class-C share (C类占比).")
            .Resolve(c => (double)c.Source.ClassCSharePercentForRed);
        Field<NonNullGraphType<FloatGraphType>>(FieldGroup.Regions, "classCSharePercentForYellow")
            .Description("Class-C basis: YELLOW at this class-C share.")
            .Resolve(c => (double)c.Source.ClassCSharePercentForYellow);
        Field<NonNullGraphType<FloatGraphType>>(FieldGroup.Regions, "classCSharePercentForBlue")
            .Description("Class-C basis: BLUE at this class-C share.")
            .Resolve(c => (double)c.Source.ClassCSharePercentForBlue);
        Field<NonNullGraphType<IntGraphType>>(FieldGroup.Regions, "minEnterprises")
            .Description("Fewer key-product enterprises than this leave the region not assessed (未评定).")
            .ResolveSource(s => s.MinEnterprises);
        Field<NonNullGraphType<StringGraphType>>(FieldGroup.Regions, "setBy")
            .Description("Whose settings: \"city\", or the code of the county that set its towns' own.")
            .ResolveSource(s => s.SetBy);
    }
}
