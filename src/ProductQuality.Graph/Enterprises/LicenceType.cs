using GraphQL.Types;
using ProductQuality.Graph.Access;
using ProductQuality.Graph.Products;
using ProductQuality.Graph.Schema;

namespace ProductQuality.Graph.Enterprises;

/// <summary>A production licence or CCC certificate.</summary>
public sealed class LicenceType : ContractObjectGraphType<Licence>
{
    public LicenceType(SchemaContract contract)
        : base(contract)
    {
        Name = "Licence";
        Description = "A production licence (生产许可证) or CCC certificate held for one product.";
        Field<NonNullGraphType<LicenceKindType>>(FieldGroup.Identity, "kind", published: true)
            .Description("Licence or certificate.").ResolveSource(s => s.Kind);
        Field<NonNullGraphType<StringGraphType>>(FieldGroup.Identity, "number", published: true)
            .Description("Licence or certificate number (证书编号).").ResolveSource(s => s.Number);
        Field<NonNullGraphType<ProductType>>(FieldGroup.Identity, "product", published: true)
            .Description("The product it covers.").Resolve(c => c.ProductByCode(c.Source.ProductCode));
        Field<NonNullGraphType<DateScalar>>(FieldGroup.Identity, "issuedOn", published: true)
            .Description("Issue date.").ResolveSource(s => s.IssuedOn);
        Field<NonNullGraphType<DateScalar>>(FieldGroup.Identity, "expiresOn", published: true)
            .Description("Expiry date.").ResolveSource(s => s.ExpiresOn);
    }
}
