using GraphQL.Types;
using ProductQuality.Graph.Access;
using ProductQuality.Graph.Schema;
using ProductQuality.Graph.Schema.Enums;

namespace ProductQuality.Graph.Regions;

/// <summary>One region's shares next to the thresholds that colour it.</summary>
public sealed class RegionShareType : ContractObjectGraphType<RegionShare>
{
    public RegionShareType(SchemaContract contract)
        : base(contract)
    {
        Name = "RegionShare";
        Description = "A region's shares (占比) and colour (区域颜色) from its assessment in force, "
            + "with the thresholds now set for it.";
        Field<NonNullGraphType<RegionType>>(FieldGroup.Regions, "region")
            .Description("The region.")
            .ResolveSource(s => s.Region);
        Field<FourColorType>(FieldGroup.Regions, "colour")
            .Description("Its colour; null when not assessed (未评定) or before the first assessment.")
            .Resolve(c => c.Source.Assessment?.Colour);
        Field<NonNullGraphType<BooleanGraphType>>(FieldGroup.Regions, "assessed")
            .Description("False when it has fewer enterprises than the minimum (未评定).")
            .ResolveSource(s => s.Assessed);
        Field<NonNullGraphType<IntGraphType>>(FieldGroup.Regions, "enterpriseCount")
            .Description("Key-product enterprises located there.")
            .ResolveSource(s => s.Enterprises);
        Field<NonNullGraphType<FloatGraphType>>(FieldGroup.Regions, "redSharePercent")
            .Description("Share of red enterprises, percent (红色占比).")
            .ResolveSource(s => s.RedSharePercent);
        Field<NonNullGraphType<FloatGraphType>>(FieldGroup.Regions, "redYellowSharePercent")
            .Description("Share of red and yellow enterprises, percent (红黄占比).")
            .ResolveSource(s => s.RedYellowSharePercent);
        Field<NonNullGraphType<FloatGraphType>>(FieldGroup.Regions, "classCSharePercent")
            .Description("Share of class C enterprises, percent (C类占比).")
            .ResolveSource(s => s.ClassCSharePercent);
        Field<NonNullGraphType<RegionColourThresholdsType>>(FieldGroup.Regions, "thresholds")
            .Description("Thresholds now set for it: the city's, or its county's own for a town.")
            .ResolveSource(s => s.Thresholds);
    }
}
