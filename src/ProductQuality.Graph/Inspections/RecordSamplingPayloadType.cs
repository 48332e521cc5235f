using ProductQuality.Graph.Access;
using ProductQuality.Graph.Recording;

namespace ProductQuality.Graph.Inspections;

public sealed class RecordSamplingPayloadType : PayloadType
{
    public RecordSamplingPayloadType(SchemaContract contract)
        : base(contract, "RecordSamplingPayload", "The recorded sampling and the enterprise and product it re-evaluated.")
    {
        AddFact<InspectionType>("inspection", "The sampling as recorded.");
        AddEnterprise();
        AddProduct();
    }
}
