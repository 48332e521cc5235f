using ProductQuality.Graph.Access;
using ProductQuality.Graph.Recording;

namespace ProductQuality.Graph.Warnings;

public sealed class IssueRiskWarningPayloadType : PayloadType
{
    public IssueRiskWarningPayloadType(SchemaContract contract)
        : base(contract, "IssueRiskWarningPayload", "The issued risk warning and the product it re-evaluated, if any.")
    {
        AddFact<RiskWarningType>("warning", "The bulletin as recorded.");
        AddProduct();
    }
}
