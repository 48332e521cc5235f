using ProductQuality.Graph.Recording;
using ProductQuality.Graph.Schema;

namespace ProductQuality.Graph.Enforcement;

/// <summary>Root write field for valid complaints.</summary>
public static class ComplaintMutations
{
    public static void AddTo(MutationType mutation) =>
        mutation.AddWrite<RecordValidComplaintInputType, RecordValidComplaintPayloadType, RecordValidComplaintInput>(new RecordValidComplaint(),
            "Records a consumer complaint found valid (有效投诉) and re-evaluates the enterprise (index, assured status) and the product's tier.");
}
