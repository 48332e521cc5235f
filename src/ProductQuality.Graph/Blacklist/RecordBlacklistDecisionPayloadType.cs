using ProductQuality.Graph.Access;
using ProductQuality.Graph.Recording;

namespace ProductQuality.Graph.Blacklist;

public sealed class RecordBlacklistDecisionPayloadType : PayloadType
{
    public RecordBlacklistDecisionPayloadType(SchemaContract contract)
        : base(contract, "RecordBlacklistDecisionPayload", "The recorded blacklist event and the enterprise it re-evaluated.")
    {
        AddFact<BlacklistEventType>("event", "The listing or removal as recorded.");
        AddEnterprise();
    }
}
