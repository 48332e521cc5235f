using ProductQuality.Graph.Access;
using ProductQuality.Graph.Recording;

namespace ProductQuality.Graph.Products;

public sealed class OverrideProductTierPayloadType : PayloadType
{
    public OverrideProductTierPayloadType(SchemaContract contract)
        : base(contract, "OverrideProductTierPayload", "The recorded tier override and the product it re-evaluated (with its new overrideRevision).")
    {
        AddFact<ProductTierOverrideType>("override", "The override (or withdrawal) as recorded.");
        AddProduct();
    }
}
