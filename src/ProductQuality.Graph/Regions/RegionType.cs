using GraphQL.Types;
using ProductQuality.Graph.Access;
using ProductQuality.Graph.Infrastructure.Loading;
using ProductQuality.Graph.Schema;
using ProductQuality.Graph.Schema.Enums;

namespace ProductQuality.Graph.Regions;

/// <summary>A region of the tree city → counties → towns, with its colour (区域分色) and quality index.</summary>
public sealed class RegionType : ContractObjectGraphType<Region>
{
    public RegionType(SchemaContract contract)
        : base(contract)
    {
        Name = "Region";
        Description = "A region (行政区划): the city, a county-level division or a town/sub-district, "
            + "by its GB/T 2260 or statistical code.";
        Field<NonNullGraphType<StringGraphType>>(FieldGroup.Identity, "code", published: true)
            .Description("Division code: 330400 (city), 3304xx (county) or 9 digits (town).")
            .ResolveSource(s => s.Code);
        Field<NonNullGraphType<StringGraphType>>(FieldGroup.Identity, "name", published: true)
            .Description("Official Chinese name, e.g. 海宁市.")
            .ResolveSource(s => s.Name);
        Field<NonNullGraphType<StringGraphType>>(FieldGroup.Identity, "nameEn", published: true)
            .Description("English name, e.g. Haining City.")
            .ResolveSource(s => s.NameEn);
        Field<NonNullGraphType<RegionLevelType>>(FieldGroup.Identity, "level", published: true)
            .Description("Administrative level.")
            .ResolveSource(s => s.Level);
        Field<RegionType>(FieldGroup.Regions, "parent").Description("The region above; null for the city.")
            .Resolve(c => c.Source.ParentCode is null ? null : c.RegionByCode(c.Source.ParentCode));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<RegionType>>>>(FieldGroup.Regions, "children")
            .Description("Regions directly below: counties of the city, towns of a county.")
            .Resolve(c => c.ChildRegions(c.Source.Code));
        Field<RegionAssessmentType>(FieldGroup.Regions, "assessment")
            .Description("Newest colour and index of the region (区域分色与指数), or the one in force on the asOf day; "
                + "null before the first assessment.")
            .Resolve(c => c.LatestRegionAssessment(c.Source.Code));
        Field<FourColorType>(FieldGroup.Regions, "colour")
            .Description("Region colour (区域颜色) from that assessment; null before the first, "
                + "or when not assessed (未评定).")
            .Resolve(c => c.LatestRegionAssessment(c.Source.Code).Then(a => a?.Colour));
    }
}
