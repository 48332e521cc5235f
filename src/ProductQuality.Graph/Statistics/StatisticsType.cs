using GraphQL.Types;
using ProductQuality.Graph.Access;
using ProductQuality.Graph.Schema;

namespace ProductQuality.Graph.Statistics;

/// <summary>The distributions a bureau looks at first.</summary>
public sealed class StatisticsType : ContractObjectGraphType<BureauStatistics>
{
    public StatisticsType(SchemaContract contract)
        : base(contract)
    {
        Name = "Statistics";
        Description = "The distributions a bureau looks at first (统计), as the report verb prints them.";
        Field<NonNullGraphType<DateScalar>>(FieldGroup.Write, "asOf").Description("The day counted (today).")
            .ResolveSource(s => s.AsOf);
        List(this, "productTiers", "Catalogue products by risk tier (产品分级): HIGH, ELEVATED, GENERAL.",
            s => s.ProductTiers);
        List(this, "enterpriseClasses", "Enterprises by class (企业分类): AA, A, B, C.", s => s.EnterpriseClasses);
        List(this, "healthCodes", "Enterprises by health code (健康码) colour.", s => s.HealthCodes);
        List(this, "mapColours", "Enterprises by map colour (四色图).", s => s.MapColours);
        List(this, "countyColours", "Counties by region colour (区域分色), and NOT_ASSESSED (未评定).", s => s.CountyColours);
        List(this, "townColours", "Towns and sub-districts by region colour, and NOT_ASSESSED (未评定).",
            s => s.TownColours);
        List(this, "signalsBySource", "External risk signals (国内外风险预警/召回) the tiers count today — those of the "
            + "look-back window — by source (RiskSignalSource names).", s => s.SignalsBySource);
        List(this, "industries", "Enterprises by the industries they make products of (行业): "
            + "ONE_INDUSTRY (one catalogue category) or SEVERAL_INDUSTRIES.", s => s.Industries);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<YearEndColoursType>>>>(
                FieldGroup.Write, "countyColoursByYearEnd")
            .Description("Counties by region colour at each past year end (年末) since the first assessment: "
                + "whether the map moved over the years.").ResolveSource(s => s.CountyColoursByYearEnd);
        Field<NonNullGraphType<OverdueStatisticsType>>(FieldGroup.Write, "plan")
            .Description("Supervision plan entries due and overdue (检查计划).").ResolveSource(s => s.Plan);
    }

    private static void List(StatisticsType type, string name, string description,
        Func<BureauStatistics, IReadOnlyList<StatisticsCount>> of) =>
        type.Field<NonNullGraphType<ListGraphType<NonNullGraphType<StatisticsCountType>>>>(FieldGroup.Write, name)
            .Description(description).Resolve(c => of(c.Source));
}
