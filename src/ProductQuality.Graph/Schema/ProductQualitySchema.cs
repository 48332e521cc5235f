namespace ProductQuality.Graph.Schema;

/// <summary>The schema of one contract; <see cref="SchemaRegistry"/> builds one per contract.</summary>
public sealed class ProductQualitySchema : GraphQL.Types.Schema
{
    public ProductQualitySchema(IServiceProvider services)
        : base(services)
    {
        Description = "ProductQuality.Graph: graded products, classified enterprises and coloured regions "
            + "(产品分级、企业分类、区域分色) of Jiaxing.";
        Query = (QueryType)services.GetService(typeof(QueryType))!;

        // A contract without the write group has no Mutation type at all: a mutation fails validation like any unknown
        // field.
        var contract = (Access.SchemaContract)services.GetService(typeof(Access.SchemaContract))!;
        if (contract.Sees(Access.FieldGroup.Write) && !contract.IsEnterpriseSelf)
        {
            Mutation = (MutationType)services.GetService(typeof(MutationType))!;
        }

        // Subscriptions push the change feed: a contract that may read no kind of change has none.
        if (Changes.ChangeKinds.ReadableBy(contract).Count > 0 && !contract.IsEnterpriseSelf)
        {
            Subscription = (Changes.SubscriptionType)services.GetService(typeof(Changes.SubscriptionType))!;
        }

        RegisterTypeMapping(typeof(DateOnly), typeof(DateScalar));
        Recording.InputTypeMappings.Register(this);
        IntrospectionFeatures.Enable(this);
    }

    protected override void OnBeforeInitializeType(GraphQL.Types.IGraphType graphType)
    {
        IntrospectionFeatures.Complete(graphType);

        // GraphQL.NET's 64-bit integer (the access log's chain positions) comes without a description.
        if (graphType is GraphQL.Types.LongGraphType { Description: null } longType)
        {
            longType.Description = "A whole number of up to 64 bits (−2⁶³ to 2⁶³ − 1), written as a JSON number.";
        }
    }
}
