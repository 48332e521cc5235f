using ProductQuality.Graph.Recording;
using ProductQuality.Graph.Schema;

namespace ProductQuality.Graph.Inspections;

/// <summary>Root write fields of the inspections feature.</summary>
public static class SamplingMutations
{
    public static void AddTo(MutationType mutation) =>
        mutation.AddWrite<RecordSamplingInputType, RecordSamplingPayloadType, RecordSamplingInput>(new RecordSampling(),
            "Records a supervision sampling result (监督抽查结果) and re-evaluates the enterprise (class, colours, index, blacklist, assured status) and the product's tier.");
}
