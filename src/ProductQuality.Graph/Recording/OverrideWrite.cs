using Microsoft.EntityFrameworkCore;
using ProductQuality.Graph.Data;
using ProductQuality.Graph.Schema;

namespace ProductQuality.Graph.Recording;

/// <summary>
/// The one override write, for an enterprise's class and a product's tier alike: a new override row, and the
/// subject's revision moved from expected to expected + 1 with the expected value as the concurrency token's
/// original, so the UPDATE matches no row if another officer got there first. A kind says only what differs:
/// its subject, its row and what it touches.
/// </summary>
public abstract class OverrideWrite<TInput, TSubject> : WriteOperation<TInput>
    where TInput : WriteInput
    where TSubject : class
{
    /// <summary>Both subjects carry the revision under this name (a concurrency token).</summary>
    private const string Revision = "OverrideRevision";

    /// <summary>The subject, for messages: "enterprise".</summary>
    protected abstract string SubjectName { get; }

    /// <summary>The input field holding the class or tier: "class".</summary>
    protected abstract string ValueField { get; }

    private string What => $"{SubjectName}'s {ValueField}";

    protected abstract OverrideRequest Read(TInput input);

    /// <summary>The subject, tracked, or null with an error on its field (or a refusal thrown).</summary>
    protected abstract Task<TSubject?> SubjectAsync(WriteScope scope, string code, CancellationToken ct);

    protected abstract Task<bool> HasOverrideInForceAsync(WriteScope scope, TSubject subject, CancellationToken ct);

    /// <summary>An error when the subject's state leaves the value nothing to do (none by default).</summary>
    protected virtual void CheckValue(WriteScope scope, TSubject subject, TInput input)
    {
    }

    /// <summary>Adds the override row (not saved) and says what it touches.</summary>
    protected abstract Staged AddRow(
        WriteScope scope, TSubject subject, TInput input, string reason, DateOnly expiresOn);

    /// <summary>The subject's revision now, read after the failed transaction; null when there is none.</summary>
    protected abstract Task<int?> CurrentRevisionAsync(ProductQualityDbContext db, string code, CancellationToken ct);

    public override async Task<Staged?> StageAsync(WriteScope scope, TInput input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var request = Read(input);
        var subject = await SubjectAsync(scope, request.Code, ct);
        var reason = scope.Text("reason", request.Reason, 1000);
        if (!request.Withdraws)
        {
            if (subject is not null)
            {
                CheckValue(scope, subject, input);
            }

            if (request.ExpiresOn is { } expires)
            {
                scope.FutureDate("expiresOn", expires);
            }
            else
            {
                scope.Errors.Add("expiresOn", "An override needs an expiry: give expiresOn, the last day it applies.");
            }
        }
        else if (subject is not null && !await HasOverrideInForceAsync(scope, subject, ct))
        {
            scope.Errors.Add(ValueField, $"No {ValueField} override is in force for this {SubjectName}, "
                + $"so there is nothing to withdraw; give a {ValueField} to override it.");
        }

        if (scope.Errors.Any)
        {
            return null;
        }

        var revision = scope.Db.Entry(subject!).Property<int>(Revision);
        if (revision.CurrentValue != request.ExpectedRevision)
        {
            throw Conflicts.StaleRevision(What, request.ExpectedRevision, revision.CurrentValue);
        }

        revision.OriginalValue = request.ExpectedRevision;
        revision.CurrentValue = request.ExpectedRevision + 1;
        // A withdrawal is a row too: in force from today, expiring today, with no class or tier.
        return AddRow(scope, subject!, input, reason, request.Withdraws ? scope.Today : request.ExpiresOn!.Value);
    }

    public override async Task<DomainException?> ExplainFailedSaveAsync(
        WriteScope scope, TInput input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var request = Read(input);
        return await CurrentRevisionAsync(scope.Db, request.Code, ct) is { } current
                && current != request.ExpectedRevision
            ? Conflicts.StaleRevision(What, request.ExpectedRevision, current)
            : null;
    }
}
