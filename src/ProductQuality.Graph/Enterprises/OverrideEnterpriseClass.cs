using Microsoft.EntityFrameworkCore;
using ProductQuality.Graph.Assessment;
using ProductQuality.Graph.Data;
using ProductQuality.Graph.Recording;
using ProductQuality.Graph.Rules.Common;

namespace ProductQuality.Graph.Enterprises;

/// <summary>overrideEnterpriseClass: the override write (<see cref="OverrideWrite{TInput, TSubject}"/>), for a
/// class.</summary>
public sealed class OverrideEnterpriseClass : OverrideWrite<OverrideEnterpriseClassInput, Enterprise>
{
    public override string Name => "overrideEnterpriseClass";

    public override string Description =>
        "Sets an enterprise's class by hand (人工调整分类) with reason and expiry, or withdraws the override (class "
        + "null). Optimistic concurrency: send the overrideRevision you read; CONFLICT (extensions.currentRevision) "
        + "when someone overrode meanwhile.";

    public override string PayloadDescription =>
        "The recorded class override and the enterprise it re-evaluated (with its new overrideRevision).";

    protected override string SubjectName => "enterprise";

    protected override string ValueField => "class";

    public override void DescribePayload(PayloadType payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        payload.AddFact<ClassOverrideType>("override", "The override (or withdrawal) as recorded.");
        payload.AddEnterprise();
    }

    protected override OverrideRequest Read(OverrideEnterpriseClassInput input) =>
        new(input.CreditCode, input.Class is null, input.Reason, input.ExpiresOn, input.ExpectedRevision);

    protected override Task<Enterprise?> SubjectAsync(WriteScope scope, string code, CancellationToken ct) =>
        scope.EnterpriseAsync(code, ct);

    protected override async Task<bool> HasOverrideInForceAsync(
        WriteScope scope, Enterprise subject, CancellationToken ct) =>
        await Overrides.ActiveClassAsync(scope.Db, subject.Id, scope.Today, ct) is not null;

    // A blacklisted enterprise is class C (DOMAIN): the rules set a better class aside while it is listed, so such an
    // override would be recorded and do nothing.
    protected override void CheckValue(WriteScope scope, Enterprise subject, OverrideEnterpriseClassInput input)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(input);
        if (subject.IsBlacklisted && input.Class is { } cls && cls != EnterpriseClass.C)
        {
            scope.Errors.Add("class", "The enterprise is on the blacklist (since "
                + $"{subject.BlacklistedSince:yyyy-MM-dd}), which holds it at class C: an override to {cls.Code()} "
                + "would not apply while it is listed. Record the removal first (recordBlacklistDecision), or "
                + "override to C.");
        }
    }

    protected override Staged AddRow(
        WriteScope scope, Enterprise subject, OverrideEnterpriseClassInput input, string reason, DateOnly expiresOn)
    {
        var row = new ClassOverride
        {
            EnterpriseId = subject.Id, Class = input.Class, Reason = reason, EffectiveFrom = scope.Today,
            ExpiresOn = expiresOn, RecordedAtUtc = scope.UtcNow, RecordedBy = scope.RecordedBy,
        };
        scope.Db.ClassOverrides.Add(row);
        return new Staged(() => row.Id, subject.CreditCode, Touched.Enterprise(subject.Id));
    }

    protected override Task<int?> CurrentRevisionAsync(ProductQualityDbContext db, string code, CancellationToken ct) =>
        db.Enterprises.AsNoTracking().Where(e => e.CreditCode == code).Select(e => (int?)e.OverrideRevision)
            .FirstOrDefaultAsync(ct);

    public override async Task<MutationResult> AnswerAsync(
        ProductQualityDbContext db, long factId, string resultKey, CancellationToken ct) =>
        new(false, await db.ClassOverrides.AsNoTracking().FirstAsync(o => o.Id == factId, ct),
            await Answers.EnterpriseAsync(db, resultKey, ct), null);
}
