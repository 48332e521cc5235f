using GraphQL.Types;
using ProductQuality.Graph.Access;
using ProductQuality.Graph.Products;
using ProductQuality.Graph.Regions;
using ProductQuality.Graph.Schema;

namespace ProductQuality.Graph.Warnings;

/// <summary>A risk warning bulletin.</summary>
public sealed class RiskWarningType : ContractObjectGraphType<RiskWarning>
{
    public RiskWarningType(SchemaContract contract)
        : base(contract)
    {
        Name = "RiskWarning";
        Description = "A risk warning bulletin (警情通报/质量预警) about a regional or sector-wide problem.";
        Field<NonNullGraphType<StringGraphType>>(FieldGroup.Warnings, "number").Description("Bulletin number (文号).")
            .ResolveSource(s => s.Number);
        Field<NonNullGraphType<StringGraphType>>(FieldGroup.Warnings, "title").Description("Title.")
            .ResolveSource(s => s.Title);
        Field<NonNullGraphType<StringGraphType>>(FieldGroup.Warnings, "summary").Description(
                "The bulletin's text as the bureau issued it (预警内容): a published document, read whole by every "
                + "contract that reads warnings, with the sampling figures it warns about.")
            .ResolveSource(s => s.Summary);
        Field<NonNullGraphType<DateScalar>>(FieldGroup.Warnings, "issuedOn").Description("Issue date.")
            .ResolveSource(s => s.IssuedOn);
        Field<NonNullGraphType<WarningScopeType>>(FieldGroup.Warnings, "scope").Description("Regional or sector-wide.")
            .ResolveSource(s => s.Scope);
        Field<NonNullGraphType<WarningSeverityType>>(FieldGroup.Warnings, "severity").Description("Severity.")
            .ResolveSource(s => s.Severity);
        Field<ProductType>(FieldGroup.Warnings, "product").Description("The product concerned, if any.")
            .Resolve(c => c.Source.ProductCode is null ? null : c.ProductByCode(c.Source.ProductCode));
        Field<RegionType>(FieldGroup.Warnings, "region").Description("The region concerned, if any.")
            .Resolve(c => c.Source.RegionCode is null ? null : c.RegionByCode(c.Source.RegionCode));
    }
}
