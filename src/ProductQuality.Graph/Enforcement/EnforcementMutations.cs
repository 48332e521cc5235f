using ProductQuality.Graph.Recording;
using ProductQuality.Graph.Schema;

namespace ProductQuality.Graph.Enforcement;

/// <summary>Root write fields of the enforcement feature: decisions and valid complaints.</summary>
public static class EnforcementMutations
{
    public static void AddTo(MutationType mutation) =>
        mutation.AddWrite<RecordEnforcementDecisionInputType, RecordEnforcementDecisionPayloadType, RecordEnforcementDecisionInput>(new RecordEnforcementDecision(),
            "Records an enforcement decision (处罚决定) and re-evaluates the enterprise; unlicensed production, counterfeiting and IP infringement are serious violations.");
}
