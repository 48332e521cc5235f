using Microsoft.EntityFrameworkCore;
using ProductQuality.Graph.Assessment;
using ProductQuality.Graph.Data;
using ProductQuality.Graph.Infrastructure;
using ProductQuality.Graph.Recording;
using ProductQuality.Graph.Schema;

namespace ProductQuality.Graph.Warnings;

/// <summary>issueRiskWarning: a bulletin with a unique number, scoped to the writer's jurisdiction.</summary>
public sealed class IssueRiskWarning : WriteOperation<IssueRiskWarningInput>
{
    public override string Name => "issueRiskWarning";

    public override string Description =>
        "Issues a risk warning bulletin (警情通报/质量预警); a warning about a product re-evaluates that product's tier. A "
        + "county bureau's warning must name a region of its county (OUT_OF_JURISDICTION otherwise).";

    public override string PayloadDescription =>
        "The issued risk warning and the product it re-evaluated, if any.";

    public override void DescribePayload(PayloadType payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        payload.AddFact<RiskWarningType>("warning", "The bulletin as recorded.");
        payload.AddProduct();
    }

    public override async Task<Staged?> StageAsync(WriteScope scope, IssueRiskWarningInput input, CancellationToken ct)
    {
        var number = scope.DocumentNumber("number", input.Number);
        var title = scope.Text("title", input.Title);
        var summary = scope.Text("summary", input.Summary, 4000);
        scope.PastDate("issuedOn", input.IssuedOn);
        var product = input.ProductCode is null ? null : await scope.ProductAsync("productCode", input.ProductCode, ct);
        await CheckRegionAsync(scope, input, ct);
        // Within the writer's own authority only: another county's numbers are neither checked nor revealed.
        if (number.Length > 0 && await TakenAsync(scope, DocumentNumber.Forms(input.Number), ct))
        {
            scope.Errors.Add("number",
                $"Bulletin number '{number}' is already issued by your bureau; check the number.",
                ErrorCodes.Duplicate);
        }

        if (scope.Errors.Any)
        {
            return null;
        }

        var warning = new RiskWarning
        {
            Number = number, Authority = scope.Authority,
            Title = title, Summary = summary, IssuedOn = input.IssuedOn, Scope = input.Scope, Severity = input.Severity,
            ProductCode = product?.Code, RegionCode = input.RegionCode, RecordedAtUtc = scope.UtcNow,
            RecordedBy = scope.RecordedBy,
        };
        scope.Db.RiskWarnings.Add(warning);
        var touched = product is null ? new Touched([], []) : Touched.Product(product.Code, input.IssuedOn);
        return new Staged(() => warning.Id, number, touched);
    }

    public override async Task<MutationResult> AnswerAsync(ProductQualityDbContext db, long factId, string resultKey,
        CancellationToken ct)
    {
        var warning = await db.RiskWarnings.AsNoTracking().FirstAsync(w => w.Id == factId, ct);
        return new(false, warning, null, await Answers.ProductAsync(db, warning.ProductCode, ct));
    }

    public override async Task<DomainException?> ExplainFailedSaveAsync(
        WriteScope scope, IssueRiskWarningInput input, CancellationToken ct) =>
        await TakenAsync(scope, DocumentNumber.Forms(input.Number), ct)
            ? DomainException.ForField(ErrorCodes.Duplicate, "input.number",
                $"Bulletin number '{input.Number}' was just issued by another request.")
            : null;

    private static Task<bool> TakenAsync(WriteScope scope, string[] forms, CancellationToken ct) =>
        scope.Db.RiskWarnings.AnyAsync(w => w.Authority == scope.Authority
            && (forms.Contains(w.Number) || forms.Contains(StoredNumberCapitals.Of(w.Number))), ct);

    private static async Task CheckRegionAsync(WriteScope scope, IssueRiskWarningInput input, CancellationToken ct)
    {
        var county = scope.Audience.Rows.County;
        if (input.RegionCode is null)
        {
            if (input.Scope == WarningScope.Regional || county is not null)
            {
                scope.Errors.Add("regionCode", county is null
                    ? "A regional warning needs the region it concerns: give regionCode (county 3304xx or a "
                        + "9-digit town code)."
                    : $"A county bureau's warning concerns its own county: give regionCode {county} or "
                        + "one of its towns.");
            }

            return;
        }

        var region = await scope.Db.Regions.AsNoTracking().FirstOrDefaultAsync(r => r.Code == input.RegionCode, ct);
        if (region is null)
        {
            scope.Errors.Add("regionCode",
                $"No region has the code '{Quoted.Start(input.RegionCode)}'; give a county (3304xx) or 9-digit town "
                    + "code (query `regions`).");
        }
        else if (!scope.Audience.Rows.Covers(region))
        {
            scope.Errors.Add("regionCode",
                $"Region {input.RegionCode} is outside your county {county}; a county bureau warns about its "
                    + "own county only.", ErrorCodes.OutOfJurisdiction);
        }
    }
}
