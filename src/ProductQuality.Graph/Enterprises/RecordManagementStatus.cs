using Microsoft.EntityFrameworkCore;
using ProductQuality.Graph.Assessment;
using ProductQuality.Graph.Data;
using ProductQuality.Graph.Recording;

namespace ProductQuality.Graph.Enterprises;

/// <summary>recordManagementStatus: a new effective-dated record; earlier ones stay as history.</summary>
public sealed class RecordManagementStatus : WriteOperation<RecordManagementStatusInput>
{
    public override string Name => "recordManagementStatus";

    public override string Description =>
        "Records an enterprise's traceability (追溯能力) and quality management system (质量管理体系) from a date, and "
        + "re-evaluates its class, colours and index.";

    public override string PayloadDescription =>
        "The recorded management status and the enterprise it re-evaluated.";

    public override void DescribePayload(PayloadType payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        payload.AddFact<ManagementRecordType>("record", "The status as recorded.");
        payload.AddEnterprise();
    }

    public override async Task<Staged?> StageAsync(
        WriteScope scope, RecordManagementStatusInput input, CancellationToken ct)
    {
        var enterprise = await scope.EnterpriseAsync(input.CreditCode, ct);
        var note = scope.Text("note", input.Note);
        scope.PastDate("effectiveFrom", input.EffectiveFrom, enterprise);
        if (scope.Errors.Any)
        {
            return null;
        }

        var record = new ManagementRecord
        {
            EnterpriseId = enterprise!.Id, Traceability = input.Traceability, QualitySystem = input.QualitySystem,
            EffectiveFrom = input.EffectiveFrom, Note = note, RecordedAtUtc = scope.UtcNow,
            RecordedBy = scope.RecordedBy,
        };
        scope.Db.ManagementRecords.Add(record);
        return new Staged(() => record.Id, enterprise.CreditCode, Touched.Enterprise(enterprise.Id));
    }

    public override async Task<MutationResult> AnswerAsync(
        ProductQualityDbContext db, long factId, string resultKey, CancellationToken ct) =>
        new(false, await db.ManagementRecords.AsNoTracking().FirstAsync(r => r.Id == factId, ct),
            await Answers.EnterpriseAsync(db, resultKey, ct), null);
}
