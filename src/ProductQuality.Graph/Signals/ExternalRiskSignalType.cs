using GraphQL.Types;
using ProductQuality.Graph.Access;
using ProductQuality.Graph.Products;
using ProductQuality.Graph.Schema;

namespace ProductQuality.Graph.Signals;

/// <summary>
/// An external risk signal. Its fields are product-tier facts (ACCESS.md: "product risk tiers and their factors"):
/// every contract that reads a tier's explanation, which names the signal, reads the signal too.
/// </summary>
public sealed class ExternalRiskSignalType : ContractObjectGraphType<ExternalRiskSignal>
{
    public ExternalRiskSignalType(SchemaContract contract)
        : base(contract)
    {
        Name = "ExternalRiskSignal";
        Description = "A domestic or foreign risk warning or recall (国内外质量安全风险预警/召回) about a product, from "
            + "outside the city; counted by the product tier rule.";
        Field<NonNullGraphType<RiskSignalSourceType>>(FieldGroup.ProductTiers, "source").Description("Its source.")
            .ResolveSource(s => s.Source);
        Field<NonNullGraphType<StringGraphType>>(FieldGroup.ProductTiers, "reference")
            .Description("The source's own reference (e.g. SR/01234/25 of the EU Safety Gate).")
            .ResolveSource(s => s.Reference);
        Field<NonNullGraphType<DateScalar>>(FieldGroup.ProductTiers, "publishedOn")
            .Description("The day the source published it.").ResolveSource(s => s.PublishedOn);
        Field<NonNullGraphType<StringGraphType>>(FieldGroup.ProductTiers, "hazard")
            .Description("The hazard named (危害), e.g. 触电 electric shock, 火灾 fire, 窒息 choking.")
            .ResolveSource(s => s.Hazard);
        Field<NonNullGraphType<SignalSeverityType>>(FieldGroup.ProductTiers, "severity").Description("Its risk level.")
            .ResolveSource(s => s.Severity);
        Field<NonNullGraphType<StringGraphType>>(FieldGroup.ProductTiers, "description")
            .Description("What was recalled or warned about (brand, model, batch), in the source's words; may be "
                + "empty.")
            .ResolveSource(s => s.Description);
        Field<NonNullGraphType<ProductType>>(FieldGroup.ProductTiers, "product")
            .Description("The catalogue product concerned.").Resolve(c => c.ProductByCode(c.Source.ProductCode));
    }
}
