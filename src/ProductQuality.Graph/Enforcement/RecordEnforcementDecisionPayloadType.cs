using ProductQuality.Graph.Access;
using ProductQuality.Graph.Recording;

namespace ProductQuality.Graph.Enforcement;

public sealed class RecordEnforcementDecisionPayloadType : PayloadType
{
    public RecordEnforcementDecisionPayloadType(SchemaContract contract)
        : base(contract, "RecordEnforcementDecisionPayload", "The recorded enforcement decision and the enterprise it re-evaluated.")
    {
        AddFact<EnforcementDecisionType>("decision", "The decision as recorded.");
        AddEnterprise();
    }
}
