using ProductQuality.Graph.Access;
using ProductQuality.Graph.Recording;

namespace ProductQuality.Graph.Enterprises;

public sealed class OverrideEnterpriseClassPayloadType : PayloadType
{
    public OverrideEnterpriseClassPayloadType(SchemaContract contract)
        : base(contract, "OverrideEnterpriseClassPayload", "The recorded class override and the enterprise it re-evaluated (with its new overrideRevision).")
    {
        AddFact<ClassOverrideType>("override", "The override (or withdrawal) as recorded.");
        AddEnterprise();
    }
}
