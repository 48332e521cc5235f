using GraphQL;
using GraphQL.Types;
using ProductQuality.Graph.Access;
using ProductQuality.Graph.History;
using ProductQuality.Graph.Infrastructure.Loading;
using ProductQuality.Graph.Schema;
using ProductQuality.Graph.Schema.Enums;
using ProductQuality.Graph.Signals;

namespace ProductQuality.Graph.Products;

/// <summary>A key industrial product with its risk tier (产品分级).</summary>
public sealed class ProductType : ContractObjectGraphType<Product>
{
    public ProductType(SchemaContract contract)
        : base(contract)
    {
        Name = "Product";
        Description = "A key industrial product (重点工业产品) of the catalogue.";
        Field<NonNullGraphType<StringGraphType>>(FieldGroup.Identity, "code", published: true)
            .Description("Product code, P001–P273.").ResolveSource(s => s.Code);
        Field<NonNullGraphType<StringGraphType>>(FieldGroup.Identity, "name", published: true)
            .Description("Chinese name, e.g. 电线电缆.").ResolveSource(s => s.NameZh);
        Field<NonNullGraphType<StringGraphType>>(FieldGroup.Identity, "nameEn", published: true)
            .Description("English name.").ResolveSource(s => s.NameEn);
        Field<NonNullGraphType<BooleanGraphType>>(FieldGroup.Identity, "nameConfirmed", published: true)
            .Description("True when the name appears in a published catalogue or SAMR report; false when we "
                + "completed the list.")
            .ResolveSource(s => s.NameConfirmed);
        Field<NonNullGraphType<ProductCategoryType>>(FieldGroup.Identity, "category", published: true)
            .Description("Its major category (大类).").Resolve(c => c.CategoryByCode(c.Source.CategoryCode));
        Field<NonNullGraphType<BooleanGraphType>>(FieldGroup.Identity, "productionLicenceRequired", published: true)
            .Description("Under production licence management (实施生产许可证管理).")
            .ResolveSource(s => s.ProductionLicenceRequired);
        Field<NonNullGraphType<BooleanGraphType>>(FieldGroup.Identity, "cccRequired", published: true)
            .Description("Under compulsory certification (CCC 强制性产品认证).").ResolveSource(s => s.CccRequired);
        Field<NonNullGraphType<ProductTierType>>(FieldGroup.ProductTiers, "tier")
            .Description("Risk tier (产品分级) now, or on the asOf day.")
            .ResolveNowOrOnDay(p => p.Tier, (c, day) => OnDay(c, day, p => p.Tier, a => a.Tier));
        Field<NonNullGraphType<FloatGraphType>>(FieldGroup.ProductTiers, "riskScore")
            .Description("Risk score, 0–100 (风险分值), now or on the asOf day, rounded down to one decimal; the tier "
                + "follows the exact score (39.96 is shown 39.9 and is below 40).")
            .ResolveNowOrOnDay(p => p.RiskScore, (c, day) => OnDay(c, day, p => p.RiskScore, a => a.RiskScore));
        Field<NationalRiskGradeType>(FieldGroup.ProductTiers, "nationalGrade")
            .Description("The national catalogue's grade (全国目录风险等级 Ⅰ/Ⅱ/Ⅲ), a trait the tier weighs; null when "
                + "the catalogue does not grade the product.")
            .ResolveSource(s => s.NationalGrade);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ExternalRiskSignalType>>>>(FieldGroup.ProductTiers,
            "externalSignals")
            .Description("Domestic and foreign risk warnings and recalls (国内外风险预警/召回) recorded for the product, "
                + "newest first (on the asOf day: those published and recorded by then). The tier counts those of "
                + "its look-back window.")
            .Resolve(c => c.SignalsOf(c.Source.Code));
        Field<NonNullGraphType<ProductSensitivityType>>(FieldGroup.ProductTiers, "sensitivity")
            .Description("Sensitivity factors (敏感因子) of the tier.").Resolve(c => c.Source);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ProductTierAssessmentType>>>>(FieldGroup.ProductTiers,
            "tierHistory").Description("Tier evaluations and overrides, newest first (a product is re-graded on most "
                + "days a fact about it comes or goes; a grading that changes nothing you may read but the score, a "
                + "total of parts you may not read too, is left out).")
            .Argument<IntGraphType>("limit", $"How many of the newest to return (default "
                + $"{ProductLoaders.DefaultTierHistoryLimit}, 0 to {ProductLoaders.MaxTierHistoryLimit}; more is "
                + "PAGE_TOO_LARGE).")
            .WithMetadata(Infrastructure.Http.Limits.ListSize.MaxLimitKey, ProductLoaders.MaxTierHistoryLimit)
            .Resolve(c => c.TierHistory(c.Source.Code, ProductLoaders.CheckedTierHistoryLimit(
                c.GetArgument("limit", ProductLoaders.DefaultTierHistoryLimit))));
        Field<NonNullGraphType<IntGraphType>>(FieldGroup.ProductTiers, "overrideRevision")
            .Description(
                "Revision of the tier overrides (the regulator's override writes take it as expectedRevision).")
            .ResolveSource(s => s.OverrideRevision);
        Field<ProductTierOverrideType>(FieldGroup.ProductTiers, "tierOverride")
            .Description("The manual tier override (人工调整) in force today (or on the asOf day); null when none.")
            .Resolve(c => c.ActiveTierOverrideOf(c.Source.Code));
    }

    /// <summary>
    /// Today's value is cached on the product row (<see cref="NowOrOnDayResolver{TSource, TValue}"/> reads it); on an
    /// asOf day it is the newest grading known then. A product is graded from the start of the history, before any
    /// enterprise's first assessment, so the fallback to the row is reached only for a product under no asOf-dated
    /// enterprise.
    /// </summary>
    private static object OnDay<T>(IResolveFieldContext<Product> c, KnownOn day, Func<Product, T> now,
        Func<ProductTierAssessment, T> then)
    {
        var product = c.Source;
        return c.GradingOnDay(product.Code, day).Then(graded => graded is null ? now(product) : then(graded));
    }
}
