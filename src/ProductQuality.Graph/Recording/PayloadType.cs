using GraphQL.Types;
using ProductQuality.Graph.Access;
using ProductQuality.Graph.Enterprises;
using ProductQuality.Graph.Products;
using ProductQuality.Graph.Schema;

namespace ProductQuality.Graph.Recording;

/// <summary>Base of every mutation payload: whether it was a replay, the fact, and what it touched, in the write group.</summary>
public abstract class PayloadType : ContractObjectGraphType<MutationResult>
{
    protected PayloadType(SchemaContract contract, string name, string description)
        : base(contract)
    {
        Name = name;
        Description = description;
        Field<NonNullGraphType<BooleanGraphType>>(FieldGroup.Write, "replayed")
            .Description("True when this idempotency key had already recorded the fact: nothing new was written, this is the stored answer.")
            .Resolve(c => c.Source.Replayed);
    }

    protected void AddFact<TFactType>(string name, string description)
        where TFactType : IGraphType =>
        Field<NonNullGraphType<TFactType>>(FieldGroup.Write, name).Description(description).Resolve(c => c.Source.Fact);

    protected void AddEnterprise() =>
        Field<EnterpriseType>(FieldGroup.Write, "enterprise")
            .Description("The enterprise concerned, read after the write committed: its class, colours and listings show the new state.")
            .Resolve(c => c.Source.Enterprise);

    protected void AddProduct() =>
        Field<ProductType>(FieldGroup.Write, "product")
            .Description("The product concerned, read after the write committed: its tier shows the new state.")
            .Resolve(c => c.Source.Product);
}
