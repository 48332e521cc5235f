using GraphQL.Types;
using ProductQuality.Graph.Access;
using ProductQuality.Graph.Products;
using ProductQuality.Graph.Schema;

namespace ProductQuality.Graph.Enforcement;

/// <summary>A valid complaint as recorded; reached through the write payloads.</summary>
public sealed class ComplaintType : ContractObjectGraphType<Complaint>
{
    public ComplaintType(SchemaContract contract)
        : base(contract)
    {
        Name = "Complaint";
        Description = "A consumer complaint found valid (有效投诉) about an enterprise's product.";
        Field<NonNullGraphType<DateScalar>>(FieldGroup.Write, "foundValidOn")
            .Description("Date the complaint was found valid.").ResolveSource(s => s.FoundValidOn);
        Field<ProductType>(FieldGroup.Write, "product").Description("The product complained about.")
            .Resolve(c => c.Source.ProductCode is null ? null : c.ProductByCode(c.Source.ProductCode));
        Field<NonNullGraphType<StringGraphType>>(FieldGroup.Write, "summary")
            .Description("What the complaint was about.").ResolveSource(s => s.Summary);
        Field<StringGraphType>(FieldGroup.Write, "recordedBy")
            .Description("Who recorded it: department/subject of the writer's token.")
            .ResolveSource(s => s.RecordedBy);
    }
}
