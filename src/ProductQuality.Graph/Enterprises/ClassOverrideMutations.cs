using ProductQuality.Graph.Recording;
using ProductQuality.Graph.Schema;

namespace ProductQuality.Graph.Enterprises;

/// <summary>Root write field for class overrides.</summary>
public static class ClassOverrideMutations
{
    public static void AddTo(MutationType mutation) =>
        mutation.AddWrite<OverrideEnterpriseClassInputType, OverrideEnterpriseClassPayloadType, OverrideEnterpriseClassInput>(new OverrideEnterpriseClass(),
            "Sets an enterprise's class by hand (人工调整分类) with reason and expiry, or withdraws the override (class null). Optimistic concurrency: send the overrideRevision you read; CONFLICT (extensions.currentRevision) when someone overrode meanwhile.");
}
