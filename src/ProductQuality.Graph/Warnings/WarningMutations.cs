using ProductQuality.Graph.Recording;
using ProductQuality.Graph.Schema;

namespace ProductQuality.Graph.Warnings;

/// <summary>Root write field for risk warning bulletins.</summary>
public static class WarningMutations
{
    public static void AddTo(MutationType mutation) =>
        mutation.AddWrite<IssueRiskWarningInputType, IssueRiskWarningPayloadType, IssueRiskWarningInput>(new IssueRiskWarning(),
            "Issues a risk warning bulletin (警情通报/质量预警); a warning about a product re-evaluates that product's tier. A county bureau's warning must name a region of its county (OUT_OF_JURISDICTION otherwise).");
}
