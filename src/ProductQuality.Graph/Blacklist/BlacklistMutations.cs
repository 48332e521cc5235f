using ProductQuality.Graph.Recording;
using ProductQuality.Graph.Schema;

namespace ProductQuality.Graph.Blacklist;

/// <summary>Root write field for blacklist decisions.</summary>
public static class BlacklistMutations
{
    public static void AddTo(MutationType mutation) =>
        mutation.AddWrite<RecordBlacklistDecisionInputType, RecordBlacklistDecisionPayloadType, RecordBlacklistDecisionInput>(new RecordBlacklistDecision(),
            "Records a blacklist listing or removal decided by the regulator (黑名单决定) and re-evaluates the enterprise (a listing forces class C and RED, and revokes assured status). ALREADY_LISTED / NOT_LISTED when the enterprise's state does not allow the action.");
}
