using GraphQL.Types;
using ProductQuality.Graph.Access;
using ProductQuality.Graph.Rules.Common;
using ProductQuality.Graph.Schema;

namespace ProductQuality.Graph.Regions;

/// <summary>The distribution of shares over one map level.</summary>
public sealed class RegionColourSharesType : ContractObjectGraphType<RegionColourShares>
{
    public RegionColourSharesType(SchemaContract contract)
        : base(contract)
    {
        Name = "RegionColourShares";
        Description = "The regions of one level with their shares and colours, the count of each colour and how the "
            + "shares spread, so the bureau sees where its thresholds (区域分色阈值) sit.";
        Field<NonNullGraphType<MapLevelType>>(FieldGroup.Regions, "level")
            .Description("COUNTY or TOWN.").ResolveSource(s => s.Level);
        Field<NonNullGraphType<RegionColourThresholdsType>>(FieldGroup.Regions, "thresholds")
            .Description("The city's thresholds for this level (a county may set its towns' own: see each region).")
            .ResolveSource(s => s.Thresholds);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<RegionShareType>>>>(FieldGroup.Regions, "regions")
            .Description("Every region of the level in scope, by code.")
            .ResolveSource(s => s.Regions);
        Field<NonNullGraphType<IntGraphType>>(FieldGroup.Regions, "redCount")
            .Description("Regions coloured red.").Resolve(c => c.Source.Count(FourColor.Red));
        Field<NonNullGraphType<IntGraphType>>(FieldGroup.Regions, "yellowCount")
            .Description("Regions coloured yellow.").Resolve(c => c.Source.Count(FourColor.Yellow));
        Field<NonNullGraphType<IntGraphType>>(FieldGroup.Regions, "blueCount")
            .Description("Regions coloured blue.").Resolve(c => c.Source.Count(FourColor.Blue));
        Field<NonNullGraphType<IntGraphType>>(FieldGroup.Regions, "greenCount")
            .Description("Regions coloured green.").Resolve(c => c.Source.Count(FourColor.Green));
        Field<NonNullGraphType<IntGraphType>>(FieldGroup.Regions, "notAssessedCount")
            .Description("Regions not assessed (未评定): below the minimum, or never assessed.")
            .ResolveSource(s => s.NotAssessed);
        Field<ShareSpreadType>(FieldGroup.Regions, "redShare")
            .Description("Spread of the red share r over assessed regions; null when none.")
            .ResolveSource(s => s.RedShare);
        Field<ShareSpreadType>(FieldGroup.Regions, "redYellowShare")
            .Description("Spread of r + y over assessed regions; null when none.")
            .ResolveSource(s => s.RedYellowShare);
        Field<ShareSpreadType>(FieldGroup.Regions, "classCShare")
            .Description("Spread of the class-C share over assessed regions; null when none.")
            .ResolveSource(s => s.ClassCShare);
    }
}
