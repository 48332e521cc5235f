using Microsoft.EntityFrameworkCore;
using ProductQuality.Graph.Assessment;
using ProductQuality.Graph.Data;
using ProductQuality.Graph.Recording;

namespace ProductQuality.Graph.Enterprises;

/// <summary>
/// overrideEnterpriseClass: a new override row, and the enterprise's revision moved from expected to expected + 1 with
/// the expected value as the concurrency token's original, so the UPDATE matches no row if another officer got there first.
/// </summary>
public sealed class OverrideEnterpriseClass : WriteOperation<OverrideEnterpriseClassInput>
{
    public override string Name => "overrideEnterpriseClass";

    public override string Description =>
        "Sets an enterprise's class by hand (人工调整分类) with reason and expiry, or withdraws the override (class "
        + "null). Optimistic concurrency: send the overrideRevision you read; CONFLICT (extensions.currentRevision) "
        + "when someone overrode meanwhile.";

    public override string PayloadDescription =>
        "The recorded class override and the enterprise it re-evaluated (with its new overrideRevision).";

    public override void DescribePayload(PayloadType payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        payload.AddFact<ClassOverrideType>("override", "The override (or withdrawal) as recorded.");
        payload.AddEnterprise();
    }

    public override async Task<Staged?> StageAsync(WriteScope scope, OverrideEnterpriseClassInput input, CancellationToken ct)
    {
        var enterprise = await scope.EnterpriseAsync(input.CreditCode, ct);
        var reason = scope.Text("reason", input.Reason, 1000);
        if (input.Class is not null)
        {
            if (input.ExpiresOn is { } expires)
            {
                scope.FutureDate("expiresOn", expires);
            }
            else
            {
                scope.Errors.Add("expiresOn", "An override needs an expiry: give expiresOn, the last day it applies.");
            }
        }
        else if (enterprise is not null && await Overrides.ActiveClassAsync(scope.Db, enterprise.Id, scope.Today, ct) is null)
        {
            scope.Errors.Add("class", "No class override is in force for this enterprise, so there is nothing to withdraw; give a class to override it.");
        }

        if (scope.Errors.Any)
        {
            return null;
        }

        if (enterprise!.OverrideRevision != input.ExpectedRevision)
        {
            throw Conflicts.StaleRevision("enterprise's class", input.ExpectedRevision, enterprise.OverrideRevision);
        }

        scope.Db.Entry(enterprise).Property(e => e.OverrideRevision).OriginalValue = input.ExpectedRevision;
        enterprise.OverrideRevision = input.ExpectedRevision + 1;
        var row = new ClassOverride
        {
            EnterpriseId = enterprise.Id, Class = input.Class, Reason = reason, EffectiveFrom = scope.Today,
            ExpiresOn = input.Class is null ? scope.Today : input.ExpiresOn!.Value, RecordedAtUtc = scope.UtcNow, RecordedBy = scope.RecordedBy,
        };
        scope.Db.ClassOverrides.Add(row);
        return new Staged(() => row.Id, enterprise.CreditCode, Touched.Enterprise(enterprise.Id));
    }

    public override async Task<MutationResult> AnswerAsync(ProductQualityDbContext db, long factId, string resultKey, CancellationToken ct) =>
        new(false, await db.ClassOverrides.AsNoTracking().FirstAsync(o => o.Id == factId, ct), await Answers.EnterpriseAsync(db, resultKey, ct), null);

    public override async Task<Schema.DomainException?> ExplainFailedSaveAsync(ProductQualityDbContext db, OverrideEnterpriseClassInput input, CancellationToken ct)
    {
        var current = await db.Enterprises.AsNoTracking().Where(e => e.CreditCode == input.CreditCode).Select(e => (int?)e.OverrideRevision).FirstOrDefaultAsync(ct);
        return current is { } revision && revision != input.ExpectedRevision ? Conflicts.StaleRevision("enterprise's class", input.ExpectedRevision, revision) : null;
    }
}
