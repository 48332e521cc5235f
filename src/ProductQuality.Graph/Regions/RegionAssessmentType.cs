using GraphQL.Types;
using ProductQuality.Graph.Data;
using ProductQuality.Graph.Access;
using ProductQuality.Graph.Schema;
using ProductQuality.Graph.Schema.Enums;

namespace ProductQuality.Graph.Regions;

/// <summary>A dated evaluation of a region's colour and index, with the counts and shares that decided it.</summary>
public sealed class RegionAssessmentType : ContractObjectGraphType<RegionAssessment>
{
    public RegionAssessmentType(SchemaContract contract)
        : base(contract)
    {
        Name = "RegionAssessment";
        Description = "A region's colour (区域分色) and quality safety index (产品质量安全指数) as evaluated on a date.";
        Field<NonNullGraphType<DateScalar>>(FieldGroup.Regions, "effectiveFrom")
            .Description("Date the evaluation took effect.")
            .ResolveSource(s => s.EffectiveFrom);
        Field<FourColorType>(FieldGroup.Regions, "colour")
            .Description("Region colour (区域颜色); null when not assessed (未评定).")
            .ResolveSource(s => s.Colour);
        Field<NonNullGraphType<BooleanGraphType>>(FieldGroup.Regions, "assessed")
            .Description("False when the region has fewer key-product enterprises than the minimum (未评定); "
                + "the explanation says how many.")
            .Resolve(c => c.Source.Colour is not null);
        Field<NonNullGraphType<FloatGraphType>>(FieldGroup.Regions, "qualityIndex")
            .Description("Tier-weighted mean of its enterprises' quality indices (0–100).")
            .ResolveSource(s => s.QualityIndex);
        Field<NonNullGraphType<IntGraphType>>(FieldGroup.Regions, "enterpriseCount")
            .Description("Key-product enterprises located there.")
            .ResolveSource(s => s.EnterpriseCount);
        Field<NonNullGraphType<IntGraphType>>(FieldGroup.Regions, "redCount")
            .Description("Enterprises whose map colour is red.")
            .ResolveSource(s => s.RedCount);
        Field<NonNullGraphType<IntGraphType>>(FieldGroup.Regions, "yellowCount")
            .Description("Enterprises whose map colour is yellow.")
            .ResolveSource(s => s.YellowCount);
        Field<NonNullGraphType<IntGraphType>>(FieldGroup.Regions, "blueCount")
            .Description("Enterprises whose map colour is blue.")
            .ResolveSource(s => s.BlueCount);
        Field<NonNullGraphType<IntGraphType>>(FieldGroup.Regions, "greenCount")
            .Description("Enterprises whose map colour is green.")
            .ResolveSource(s => s.GreenCount);
        Field<NonNullGraphType<IntGraphType>>(FieldGroup.Regions, "classCCount")
            .Description("Class C enterprises (C类企业).")
            .ResolveSource(s => s.ClassCCount);
        Field<NonNullGraphType<FloatGraphType>>(FieldGroup.Regions, "redSharePercent")
            .Description("Share of red enterprises, percent (红色占比).")
            .Resolve(c => Percent(c.Source.RedCount, c.Source.EnterpriseCount));
        Field<NonNullGraphType<FloatGraphType>>(FieldGroup.Regions, "redYellowSharePercent")
            .Description("Share of red and yellow enterprises, percent (红黄占比).")
            .Resolve(c => Percent(c.Source.RedCount + c.Source.YellowCount, c.Source.EnterpriseCount));
        Field<NonNullGraphType<FloatGraphType>>(FieldGroup.Regions, "classCSharePercent")
            .Description("Share of class C enterprises, percent (C类占比).")
            .Resolve(c => Percent(c.Source.ClassCCount, c.Source.EnterpriseCount));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ExplanationType>>>>(FieldGroup.Regions, "explanation")
            .Description("Why this colour (shares, thresholds, basis) and this index (tier weights).")
            .Resolve(c => ExplanationJson.ReadAll(c.Source.Explanation));
        Field<NonNullGraphType<StringGraphType>>(FieldGroup.Regions, "rulesVersion")
            .Description("Rules version that produced it.")
            .ResolveSource(s => s.RulesVersion);
    }

    private static double Percent(int part, int whole) => whole == 0 ? 0 : Math.Round(100.0 * part / whole, 2);
}
