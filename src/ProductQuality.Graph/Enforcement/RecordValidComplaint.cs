using Microsoft.EntityFrameworkCore;
using ProductQuality.Graph.Assessment;
using ProductQuality.Graph.Data;
using ProductQuality.Graph.Recording;

namespace ProductQuality.Graph.Enforcement;

/// <summary>
/// recordValidComplaint: a valid complaint touches the enterprise (assured status, index) and the product
/// (sensitivity).
/// </summary>
public sealed class RecordValidComplaint : WriteOperation<RecordValidComplaintInput>
{
    public override string Name => "recordValidComplaint";

    public override string Description =>
        "Records a consumer complaint found valid (有效投诉) and re-evaluates the enterprise (index, assured status) "
        + "and the product's tier.";

    public override string PayloadDescription =>
        "The recorded complaint and the enterprise and product it re-evaluated.";

    public override void DescribePayload(PayloadType payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        payload.AddFact<ComplaintType>("complaint", "The complaint as recorded.");
        payload.AddEnterprise();
        payload.AddProduct();
    }

    public override async Task<Staged?> StageAsync(WriteScope scope, RecordValidComplaintInput input,
        CancellationToken ct)
    {
        var enterprise = await scope.EnterpriseAsync(input.CreditCode, ct);
        var product = await scope.ProductAsync("productCode", input.ProductCode, ct);
        await scope.MadeByAsync("productCode", enterprise, product, "complaints", ct);
        var summary = scope.Text("summary", input.Summary, 2000);
        scope.PastDate("foundValidOn", input.FoundValidOn, enterprise);
        if (scope.Errors.Any)
        {
            return null;
        }

        var complaint = new Complaint
        {
            EnterpriseId = enterprise!.Id, ProductCode = product!.Code, FoundValidOn = input.FoundValidOn,
            Summary = summary, RecordedAtUtc = scope.UtcNow, RecordedBy = scope.RecordedBy,
        };
        scope.Db.Complaints.Add(complaint);
        return new Staged(() => complaint.Id, enterprise.CreditCode,
            new Touched([enterprise.Id], [product.Code], input.FoundValidOn));
    }

    public override async Task<MutationResult> AnswerAsync(ProductQualityDbContext db, long factId, string resultKey,
        CancellationToken ct)
    {
        var complaint = await db.Complaints.AsNoTracking().FirstAsync(c => c.Id == factId, ct);
        return new(false, complaint, await Answers.EnterpriseAsync(db, resultKey, ct),
            await Answers.ProductAsync(db, complaint.ProductCode, ct));
    }
}
