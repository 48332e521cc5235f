using ProductQuality.Graph.Recording;
using ProductQuality.Graph.Schema;

namespace ProductQuality.Graph.Enterprises;

/// <summary>Root write field for traceability and quality-system status.</summary>
public static class ManagementMutations
{
    public static void AddTo(MutationType mutation) =>
        mutation.AddWrite<RecordManagementStatusInputType, RecordManagementStatusPayloadType, RecordManagementStatusInput>(new RecordManagementStatus(),
            "Records an enterprise's traceability (追溯能力) and quality management system (质量管理体系) from a date, and re-evaluates its class, colours and index.");
}
