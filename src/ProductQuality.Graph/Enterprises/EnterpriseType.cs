using GraphQL;
using GraphQL.Types;
using ProductQuality.Graph.Data;
using ProductQuality.Graph.Access;
using ProductQuality.Graph.Assured;
using ProductQuality.Graph.Blacklist;
using ProductQuality.Graph.Infrastructure.Loading;
using ProductQuality.Graph.Inspections;
using ProductQuality.Graph.Products;
using ProductQuality.Graph.Regions;
using ProductQuality.Graph.Schema;
using ProductQuality.Graph.Schema.Enums;

namespace ProductQuality.Graph.Enterprises;

/// <summary>A key-product enterprise: identity, class, health code, listings and sampling record.</summary>
public sealed class EnterpriseType : ContractObjectGraphType<Enterprise>
{
    public EnterpriseType(SchemaContract contract)
        : base(contract)
    {
        Name = "Enterprise";
        Description = "A key-product enterprise (重点工业产品生产企业), keyed by its unified social credit code (统一社会信用代码).";
        AddIdentity();
        AddContact();
        AddClassAndHealth();
        AddListings();
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<InspectionType>>>>(FieldGroup.Inspections, "inspections")
            .Description("Supervision sampling results (监督抽查结果), newest first.")
            .Argument<IntGraphType>("limit", $"How many of the newest to return (default "
                + $"{EnterpriseLoaders.DefaultInspectionLimit}, 0 to {EnterpriseLoaders.MaxInspectionLimit}; more is "
                + "PAGE_TOO_LARGE).")
            .WithMetadata(Infrastructure.Http.Limits.ListSize.MaxLimitKey, EnterpriseLoaders.MaxInspectionLimit)
            .Resolve(c => c.InspectionsOf(c.Source.Id, EnterpriseLoaders.CheckedInspectionLimit(
                c.GetArgument("limit", EnterpriseLoaders.DefaultInspectionLimit)), InspectionShapes.Of(c.FieldAst)));
    }

    private void AddIdentity()
    {
        Field<NonNullGraphType<StringGraphType>>(FieldGroup.Identity, "creditCode", published: true)
            .Description("Unified social credit code (统一社会信用代码), 18 characters.")
            .ResolveSource(s => s.CreditCode);
        Field<NonNullGraphType<StringGraphType>>(FieldGroup.Identity, "name", published: true)
            .Description("Registered name (企业名称).")
            .ResolveSource(s => s.Name);
        Field<NonNullGraphType<RegionType>>(FieldGroup.Identity, "county", published: true)
            .Description("County-level division (县/市/区) where it is located.")
            .Resolve(c => c.RegionByCode(c.Source.CountyCode));
        Field<NonNullGraphType<RegionType>>(FieldGroup.Identity, "town", published: true)
            .Description("Town or sub-district (镇/街道) where it is located.")
            .Resolve(c => c.RegionByCode(c.Source.TownCode));
        Field<NonNullGraphType<DateScalar>>(FieldGroup.Identity, "establishedOn", published: true)
            .Description("Date of establishment (成立日期).")
            .ResolveSource(s => s.EstablishedOn);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ProductType>>>>(
                FieldGroup.Identity, "products", published: true)
            .Description("Key products it makes.")
            .Resolve(c => c.ProductsOf(c.Source.Id));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<LicenceType>>>>(
                FieldGroup.Identity, "licences", published: true)
            .Description("Production licences and CCC certificates (生产许可证/CCC证书).")
            .Resolve(c => c.LicencesOf(c.Source.Id));
    }

    private void AddContact()
    {
        Field<NonNullGraphType<StringGraphType>>(FieldGroup.Contact, "address", mask: MaskKind.Address)
            .Description("Registered address (住所).")
            .ResolveSource(s => s.Address);
        Field<NonNullGraphType<StringGraphType>>(FieldGroup.Contact, "legalRepresentative", mask: MaskKind.PersonName)
            .Description("Legal representative (法定代表人).")
            .ResolveSource(s => s.LegalRepresentative);
        Field<NonNullGraphType<StringGraphType>>(FieldGroup.Contact, "phone", mask: MaskKind.Phone)
            .Description("Contact phone (联系电话).")
            .ResolveSource(s => s.Phone);
    }

    private void AddClassAndHealth()
    {
        Field<NonNullGraphType<EnterpriseClassType>>(FieldGroup.Class, "class")
            .Description("Enterprise class (企业分类): AA, A, B or C.")
            .ResolveSource(s => s.Class);
        Field<NonNullGraphType<DateScalar>>(FieldGroup.Class, "classEffectiveFrom")
            .Description("Date the class took effect (the current one, or the one in force on the asOf day).")
            .ResolveSource(s => s.ClassEffectiveFrom);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ClassHistoryEntryType>>>>(
                FieldGroup.Class, "classHistory")
            .Description("Every evaluation of class, colour and index, newest first (分类历史); with asOf, up to that day "
                + "as known then.")
            .Resolve(c => c.ClassHistoryOf(c.Source.Id).Then(rows => ClassHistoryView.For(Contract, rows)));
        Field<NonNullGraphType<IntGraphType>>(FieldGroup.Class, "overrideRevision")
            .Description(
                "Revision of the class overrides (the regulator's override writes take it as expectedRevision).")
            .ResolveSource(s => s.OverrideRevision);
        Field<ClassOverrideType>(FieldGroup.Class, "classOverride")
            .Description("The manual class override (人工调整) in force today (or on the asOf day); null when none.")
            .Resolve(c => c.ActiveClassOverrideOf(c.Source.Id));
        Field<NonNullGraphType<TraceabilityType>>(FieldGroup.ClassFactors, "traceability")
            .Description("Traceability capability (追溯能力), an input of the class.")
            .ResolveSource(s => s.Traceability);
        Field<NonNullGraphType<QualitySystemType>>(FieldGroup.ClassFactors, "qualitySystem")
            .Description("Quality management system (质量管理体系), an input of the class.")
            .ResolveSource(s => s.QualitySystem);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ExplanationType>>>>(
                FieldGroup.ClassFactors, "classExplanation")
            .Description("Why the enterprise has its class and colours, in order: the class conditions (samplings, "
                + "failures, traceability, QMS), the upgrade/downgrade principle (升降原则), the health code, the map "
                + "colour. Today's evaluation; under asOf, the evaluation that set the values in force that day, "
                + "whose facts are those of its own day (the newest classHistory row's effectiveFrom).")
            .Resolve(c => ServedExplanations.ClassOf(c, c.Source.Id));
        Field<NonNullGraphType<FourColorType>>(FieldGroup.Health, "healthCode")
            .Description("Product-quality health code (产品质量健康码): AA green, A blue, B yellow, C red.")
            .ResolveSource(s => s.HealthCode);
        // In the product-tiers group, not health: with the class beside it, the colour names the highest tier of the
        // enterprise's products (the tier of its one product, for most makers), which a contract without product
        // tiers must not learn.
        Field<NonNullGraphType<FourColorType>>(FieldGroup.ProductTiers, "mapColour")
            .Description("Colour on the city's four-colour map (四色图): class × highest product tier.")
            .ResolveSource(s => s.MapColour);
        Field<NonNullGraphType<FloatGraphType>>(FieldGroup.Health, "qualityIndex")
            .Description("Product quality safety index (产品质量安全指数), 0–100.")
            .ResolveSource(s => s.QualityIndex);
        Field<ExplanationType>(FieldGroup.Health, "qualityIndexExplanation")
            .Description("Each deduction behind the quality index. Today's evaluation; under asOf, the one that set "
                + "the values in force that day, as of its own day (the newest classHistory row's effectiveFrom).")
            .Resolve(c => ServedExplanations.IndexOf(c, c.Source.Id));
    }

    private void AddListings()
    {
        Field<NonNullGraphType<BooleanGraphType>>(FieldGroup.BlacklistStatus, "blacklisted")
            .Description("On the blacklist (黑名单) now (or on the asOf day).")
            .ResolveSource(s => s.IsBlacklisted);
        Field<DateScalar>(FieldGroup.BlacklistStatus, "blacklistedSince")
            .Description("Date of the current listing; null when not listed.")
            .ResolveSource(s => s.BlacklistedSince);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<BlacklistEventType>>>>(
                FieldGroup.BlacklistDetail, "blacklistHistory", published: true)
            .Description("Listings and removals, newest first.")
            .Resolve(c => c.BlacklistHistoryOf(c.Source.Id));
        Field<NonNullGraphType<BooleanGraphType>>(FieldGroup.Assured, "assured")
            .Description("An assured consumption unit (放心消费单位) now (or on the asOf day).")
            .ResolveSource(s => s.IsAssured);
        Field<DateScalar>(FieldGroup.Assured, "assuredUntil")
            .Description("Last day of the current assured title; null when not assured.")
            .ResolveSource(s => s.AssuredUntil);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AssuredEventType>>>>(FieldGroup.Assured, "assuredHistory")
            .Description("Grants, revocations and expiries, newest first.")
            .Resolve(c => c.AssuredHistoryOf(c.Source.Id));
    }
}
