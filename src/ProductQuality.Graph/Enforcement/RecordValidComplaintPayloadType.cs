using ProductQuality.Graph.Access;
using ProductQuality.Graph.Recording;

namespace ProductQuality.Graph.Enforcement;

public sealed class RecordValidComplaintPayloadType : PayloadType
{
    public RecordValidComplaintPayloadType(SchemaContract contract)
        : base(contract, "RecordValidComplaintPayload", "The recorded complaint and the enterprise and product it re-evaluated.")
    {
        AddFact<ComplaintType>("complaint", "The complaint as recorded.");
        AddEnterprise();
        AddProduct();
    }
}
