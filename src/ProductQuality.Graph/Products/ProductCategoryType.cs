using GraphQL.Types;
using ProductQuality.Graph.Access;
using ProductQuality.Graph.Schema;

namespace ProductQuality.Graph.Products;

/// <summary>A major category (大类) of the key industrial product catalogue.</summary>
public sealed class ProductCategoryType : ContractObjectGraphType<ProductCategory>
{
    public ProductCategoryType(SchemaContract contract)
        : base(contract)
    {
        Name = "ProductCategory";
        Description = "A major category (大类) of the key industrial product catalogue (重点工业产品目录); there are 13.";
        Field<NonNullGraphType<StringGraphType>>(FieldGroup.Identity, "code", published: true)
            .Description("Category code, C01–C13.").ResolveSource(s => s.Code);
        Field<NonNullGraphType<StringGraphType>>(FieldGroup.Identity, "name", published: true)
            .Description("Official Chinese name, e.g. 儿童用品.").ResolveSource(s => s.NameZh);
        Field<NonNullGraphType<StringGraphType>>(FieldGroup.Identity, "nameEn", published: true)
            .Description("English name.").ResolveSource(s => s.NameEn);
        Field<NonNullGraphType<BooleanGraphType>>(FieldGroup.Identity, "nameConfirmed", published: true)
            .Description("True when the name is from a published catalogue edition.")
            .ResolveSource(s => s.NameConfirmed);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ProductType>>>>(FieldGroup.Identity, "products")
            .Description("Products of the category.")
            .Resolve(c => c.ProductsOfCategory(c.Source.Code));
    }
}
