using GraphQL.Types;
using ProductQuality.Graph.Access;
using ProductQuality.Graph.Enterprises;
using ProductQuality.Graph.Products;
using ProductQuality.Graph.Schema;

namespace ProductQuality.Graph.Recording;

/// <summary>
/// A mutation payload: whether it was a replay, the fact, and what it touched, all in the write group. The write
/// names the type and picks its fields (<see cref="WriteDefinition.DescribePayload"/>).
/// </summary>
public abstract class PayloadType : ContractObjectGraphType<MutationResult>
{
    protected PayloadType(SchemaContract contract, WriteDefinition write)
        : base(contract)
    {
        ArgumentNullException.ThrowIfNull(write);
        Name = write.PayloadName;
        Description = write.PayloadDescription;
        Field<NonNullGraphType<BooleanGraphType>>(FieldGroup.Write, "replayed")
            .Description("True when this idempotency key had already recorded the fact: nothing new was written, "
                + "this is the stored answer.")
            .ResolveSource(s => s.Replayed);
        write.DescribePayload(this);
    }

    public void AddFact<TFactType>(string name, string description)
        where TFactType : IGraphType =>
        Field<NonNullGraphType<TFactType>>(FieldGroup.Write, name).Description(description).ResolveSource(s => s.Fact);

    public void AddEnterprise() =>
        Field<EnterpriseType>(FieldGroup.Write, "enterprise")
            .Description("The enterprise concerned, read after the write committed: its class, colours and listings "
                + "show the new state.")
            .ResolveSource(s => s.Enterprise);

    public void AddProduct() =>
        Field<ProductType>(FieldGroup.Write, "product")
            .Description("The product concerned, read after the write committed: its tier shows the new state.")
            .ResolveSource(s => s.Product);
}
