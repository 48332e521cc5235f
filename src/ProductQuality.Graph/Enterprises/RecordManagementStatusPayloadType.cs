using ProductQuality.Graph.Access;
using ProductQuality.Graph.Recording;

namespace ProductQuality.Graph.Enterprises;

public sealed class RecordManagementStatusPayloadType : PayloadType
{
    public RecordManagementStatusPayloadType(SchemaContract contract)
        : base(contract, "RecordManagementStatusPayload", "The recorded management status and the enterprise it re-evaluated.")
    {
        AddFact<ManagementRecordType>("record", "The status as recorded.");
        AddEnterprise();
    }
}
