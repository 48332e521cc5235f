using Microsoft.EntityFrameworkCore;
using ProductQuality.Graph.Assessment;
using ProductQuality.Graph.Data;
using ProductQuality.Graph.Infrastructure;
using ProductQuality.Graph.Recording;
using ProductQuality.Graph.Schema;

namespace ProductQuality.Graph.Signals;

/// <summary>
/// recordExternalRiskSignal: a recall or warning from outside the city, recorded by the city regulator; the product's
/// tier is re-evaluated, and with it the map colours of the product's makers.
/// </summary>
public sealed class RecordExternalRiskSignal : WriteOperation<RecordExternalRiskSignalInput>
{
    public override string Name => "recordExternalRiskSignal";

    public override string Description =>
        "Records a domestic or foreign risk warning or recall (国内外质量安全风险预警/召回) — SAMR recalls, provincial "
        + "monitoring, EU Safety Gate, US CPSC, ACCC, OECD GlobalRecalls — and re-evaluates the product's tier (and "
        + "its makers). Tiers are city-wide: a county bureau gets OUT_OF_JURISDICTION. A reference already recorded "
        + "for the source is DUPLICATE.";

    public override string PayloadDescription => "The recorded signal and the product it re-evaluated.";

    public override void DescribePayload(PayloadType payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        payload.AddFact<ExternalRiskSignalType>("signal", "The signal as recorded.");
        payload.AddProduct();
    }

    public override async Task<Staged?> StageAsync(WriteScope scope, RecordExternalRiskSignalInput input,
        CancellationToken ct)
    {
        if (scope.Audience.Rows.County is not null)
        {
            throw new DomainException(ErrorCodes.OutOfJurisdiction,
                "Product tiers are city-wide (全市统一分级): only the city regulator records the signals they count. "
                + "Send the signal to the city bureau (samr-jiaxing).");
        }

        var reference = scope.DocumentNumber("reference", input.Reference, ExternalRiskSignal.ReferenceMaxLength);
        var hazard = scope.Text("hazard", input.Hazard, ExternalRiskSignal.HazardMaxLength);
        var description =
            scope.OptionalText("description", input.Description, ExternalRiskSignal.DescriptionMaxLength);
        scope.PastDate("publishedOn", input.PublishedOn);
        var product = await scope.ProductAsync("productCode", input.ProductCode, ct);
        if (reference.Length > 0 && await TakenAsync(scope.Db, input.Source, DocumentNumber.Forms(input.Reference), ct))
        {
            scope.Errors.Add("reference",
                $"{input.Source.Label()} {Quoted.Start(reference)} is already recorded; a signal is recorded once. "
                    + "Check the reference.",
                ErrorCodes.Duplicate);
        }

        if (scope.Errors.Any)
        {
            return null;
        }

        var signal = new ExternalRiskSignal
        {
            Source = input.Source, Reference = reference, ProductCode = product!.Code, PublishedOn = input.PublishedOn,
            Hazard = hazard, Severity = input.Severity, Description = description, RecordedAtUtc = scope.UtcNow,
            RecordedBy = scope.RecordedBy,
        };
        scope.Db.ExternalRiskSignals.Add(signal);
        return new Staged(() => signal.Id, product.Code, Touched.Product(product.Code, input.PublishedOn));
    }

    public override async Task<MutationResult> AnswerAsync(ProductQualityDbContext db, long factId, string resultKey,
        CancellationToken ct) =>
        new(false, await db.ExternalRiskSignals.AsNoTracking().FirstAsync(s => s.Id == factId, ct), null,
            await Answers.ProductAsync(db, resultKey, ct));

    public override async Task<DomainException?> ExplainFailedSaveAsync(
        WriteScope scope, RecordExternalRiskSignalInput input, CancellationToken ct) =>
        await TakenAsync(scope.Db, input.Source, DocumentNumber.Forms(input.Reference), ct)
            ? DomainException.ForField(ErrorCodes.Duplicate, "input.reference",
                $"{input.Source.Label()} {Quoted.Start(input.Reference)} was just recorded by another request.")
            : null;

    private static Task<bool> TakenAsync(ProductQualityDbContext db, RiskSignalSource source, string[] forms,
        CancellationToken ct) =>
        db.ExternalRiskSignals.AnyAsync(s => s.Source == source
            && (forms.Contains(s.Reference) || forms.Contains(StoredNumberCapitals.Of(s.Reference))), ct);
}
