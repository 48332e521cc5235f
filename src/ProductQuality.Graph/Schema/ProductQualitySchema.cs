namespace ProductQuality.Graph.Schema;

/// <summary>The schema of one contract; <see cref="SchemaRegistry"/> builds one per department.</summary>
public sealed class ProductQualitySchema : GraphQL.Types.Schema
{
    public ProductQualitySchema(IServiceProvider services)
        : base(services)
    {
        Description = "ProductQuality.Graph: graded products, classified enterprises and coloured regions (产品分级、企业分类、区域分色) of Jiaxing.";
        Query = (QueryType)services.GetService(typeof(QueryType))!;
        RegisterTypeMapping(typeof(DateOnly), typeof(DateScalar));
    }
}
