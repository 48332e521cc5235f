using Microsoft.EntityFrameworkCore;
using ProductQuality.Graph.Assessment;
using ProductQuality.Graph.Data;
using ProductQuality.Graph.Infrastructure;
using ProductQuality.Graph.Recording;
using ProductQuality.Graph.Schema;

namespace ProductQuality.Graph.Inspections;

/// <summary>recordSampling: validates and stages an inspection with its failed items.</summary>
public sealed class RecordSampling : WriteOperation<RecordSamplingInput>
{
    /// <summary>A report lists a few dozen test items at most; more is a broken client, not a sampling.</summary>
    public const int MaxFailedItems = 100;

    public override string Name => "recordSampling";

    public override string Description =>
        "Records a supervision sampling result (监督抽查结果) and re-evaluates the enterprise (class, colours, index, "
        + "blacklist, assured status) and the product's tier.";

    public override string PayloadDescription =>
        "The recorded sampling and the enterprise and product it re-evaluated.";

    public override void DescribePayload(PayloadType payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        payload.AddFact<InspectionType>("inspection", "The sampling as recorded.");
        payload.AddEnterprise();
        payload.AddProduct();
    }

    public override async Task<Staged?> StageAsync(WriteScope scope, RecordSamplingInput input, CancellationToken ct)
    {
        var enterprise = await scope.EnterpriseAsync(input.CreditCode, ct);
        var product = await scope.ProductAsync("productCode", input.ProductCode, ct);
        await scope.MadeByAsync("productCode", enterprise, product, "samplings", ct);

        var batch = scope.Text("batch", input.Batch);
        var spec = scope.Text("specModel", input.SpecModel);
        var lab = scope.Text("lab", input.Lab);
        var report = scope.DocumentNumber("reportNumber", input.ReportNumber);
        scope.PastDate("sampledOn", input.SampledOn, enterprise);
        var items = FailedItems(scope, input);
        if (report.Length > 0 && await HolderAsync(scope, enterprise?.Id, input.ReportNumber, ct) is { } holder)
        {
            scope.Errors.Add("reportNumber", NumberHolder.Taken(scope, holder, "Report", report),
                ErrorCodes.Duplicate);
        }

        if (scope.Errors.Any)
        {
            return null;
        }

        var inspection = new Inspection
        {
            EnterpriseId = enterprise!.Id, ProductCode = product!.Code, SampledOn = input.SampledOn, Batch = batch,
            SpecModel = spec, Level = input.Level, Lab = lab, ReportNumber = report, Authority = scope.Authority,
            Passed = input.Passed, RectificationOrderedOn = input.RectificationOrderedOn,
            RecordedAtUtc = scope.UtcNow, RecordedBy = scope.RecordedBy, FailedItems = items,
        };
        scope.Db.Inspections.Add(inspection);
        return new Staged(() => inspection.Id, enterprise.CreditCode,
            new Touched([enterprise.Id], [product.Code], input.SampledOn));
    }

    public override async Task<MutationResult> AnswerAsync(ProductQualityDbContext db, long factId, string resultKey,
        CancellationToken ct)
    {
        var inspection = await db.Inspections.AsNoTracking().Include(i => i.FailedItems)
            .FirstAsync(i => i.Id == factId, ct);
        return new MutationResult(false, inspection, await Answers.EnterpriseAsync(db, resultKey, ct),
            await Answers.ProductAsync(db, inspection.ProductCode, ct));
    }

    public override async Task<DomainException?> ExplainFailedSaveAsync(
        WriteScope scope, RecordSamplingInput input, CancellationToken ct) =>
        await HolderAsync(scope, null, input.ReportNumber, ct) is not null
            ? DomainException.ForField(ErrorCodes.Duplicate, "input.reportNumber",
                $"Report number '{Quoted.Start(input.ReportNumber)}' was just recorded by another request; " +
                "a report is recorded once.")
            : null;

    private static Task<string?> HolderAsync(WriteScope scope, int? enterpriseId, string number,
        CancellationToken ct) => NumberHolder.FindAsync(scope, scope.Db.Inspections.Select(i => new NumberedRow
        {
            Authority = i.Authority, EnterpriseId = i.EnterpriseId, Number = i.ReportNumber,
        }), enterpriseId, DocumentNumber.Forms(number), ct);

    private static List<InspectionFailedItem> FailedItems(WriteScope scope, RecordSamplingInput input)
    {
        var given = input.FailedItems ?? [];
        if (input.Passed && given.Count > 0)
        {
            scope.Errors.Add("failedItems",
                "A passed sampling (合格) has no failed items: remove failedItems, or set passed to false.");
        }
        else if (!input.Passed && given.Count == 0)
        {
            scope.Errors.Add("failedItems",
                "A failed sampling (不合格) needs its failed items (不合格项目): list each with name and safetyItem.");
        }

        if (input.Passed && input.RectificationOrderedOn is not null)
        {
            scope.Errors.Add("rectificationOrderedOn",
                "A rectification order (责令整改) follows a failure only: remove it, or set passed to false.");
        }
        else if (input.RectificationOrderedOn is { } ordered)
        {
            scope.PastDate("rectificationOrderedOn", ordered);
            if (ordered < input.SampledOn)
            {
                scope.Errors.Add("rectificationOrderedOn",
                    "The rectification order cannot precede the sampling; check both dates.");
            }
        }

        if (given.Count > MaxFailedItems)
        {
            scope.Errors.Add("failedItems",
                $"{given.Count} failed items is more than a report lists ({MaxFailedItems} at most); check the input.");
            return [];
        }

        var items = new List<InspectionFailedItem>();
        for (var i = 0; i < given.Count; i++)
        {
            var name = scope.Text($"failedItems[{i}].name", given[i].Name);
            items.Add(new InspectionFailedItem { Name = name, IsSafetyItem = given[i].SafetyItem });
        }

        return items;
    }
}
