using Microsoft.EntityFrameworkCore;
using ProductQuality.Graph.Assessment;
using ProductQuality.Graph.Data;
using ProductQuality.Graph.Recording;
using ProductQuality.Graph.Rules.Blacklist;
using ProductQuality.Graph.Schema;

namespace ProductQuality.Graph.Blacklist;

/// <summary>recordBlacklistDecision: a decided event (Source = Decision), never superseded by the rules.</summary>
public sealed class RecordBlacklistDecision : WriteOperation<RecordBlacklistDecisionInput>
{
    public override string Name => "recordBlacklistDecision";

    public override string Description =>
        "Records a blacklist listing or removal decided by the regulator (黑名单决定) and re-evaluates the enterprise (a "
        + "listing forces class C and RED, and revokes assured status). ALREADY_LISTED / NOT_LISTED when the "
        + "enterprise's standing on the day decided does not allow the action.";

    public override string PayloadDescription =>
        "The recorded blacklist event and the enterprise it re-evaluated.";

    public override void DescribePayload(PayloadType payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        payload.AddFact<BlacklistEventType>("event", "The listing or removal as recorded.");
        payload.AddEnterprise();
    }

    public override async Task<Staged?> StageAsync(
        WriteScope scope, RecordBlacklistDecisionInput input, CancellationToken ct)
    {
        var enterprise = await scope.EnterpriseAsync(input.CreditCode, ct);
        var number = scope.DocumentNumber("decisionNumber", input.DecisionNumber);
        var reason = scope.Text("reason", input.Reason, 2000);
        scope.PastDate("decidedOn", input.DecidedOn, enterprise);
        if (input.Action == BlacklistAction.List && input.ReasonCategory is null)
        {
            scope.Errors.Add("reasonCategory",
                "A listing needs its published reason category (列入原因类别): give reasonCategory.");
        }

        if (enterprise is not null)
        {
            await CheckStandingAsync(scope, enterprise.Id, input, ct);
        }

        // The authority's whole register, rule-derived numbers included; another county's is not checked nor revealed.
        if (number.Length > 0 && await TakenAsync(scope, DocumentNumber.Forms(input.DecisionNumber), ct))
        {
            scope.Errors.Add("decisionNumber",
                $"Decision number '{number}' is already used in your bureau's blacklist register; check the number.",
                ErrorCodes.Duplicate);
        }

        if (scope.Errors.Any)
        {
            return null;
        }

        var entry = new BlacklistEvent
        {
            EnterpriseId = enterprise!.Id,
            Kind = input.Action == BlacklistAction.List ? BlacklistEventKind.Listed : BlacklistEventKind.Removed,
            Source = BlacklistEventSource.Decision, OccurredOn = input.DecidedOn,
            ReasonCategory = await CategoryAsync(scope, enterprise.Id, input, ct),
            Reason = reason, DecisionNumber = number, Authority = scope.Authority,
            RecordedAtUtc = scope.UtcNow, RecordedBy = scope.RecordedBy,
        };
        scope.Db.BlacklistEvents.Add(entry);
        return new Staged(() => entry.Id, enterprise.CreditCode, Touched.Enterprise(enterprise.Id));
    }

    // Against the enterprise's standing on the day decided, not today's: the replay applies the decision on its day.
    private static async Task CheckStandingAsync(
        WriteScope scope, int enterpriseId, RecordBlacklistDecisionInput input, CancellationToken ct)
    {
        var day = input.DecidedOn;
        var standing = await ListingOnDay.OfAsync(scope.Db, enterpriseId, day, ct);
        if (input.Action == BlacklistAction.List && standing.Listed)
        {
            scope.Errors.Add("action",
                $"On {day:yyyy-MM-dd}, the day decided, the enterprise was already on the blacklist (listed "
                + $"{standing.Since:yyyy-MM-dd}); a second listing is not recorded.",
                ErrorCodes.AlreadyListed);
        }
        else if (input.Action == BlacklistAction.Remove && !standing.Listed)
        {
            scope.Errors.Add("action", standing.RuleListsThatDay
                ? $"The blacklist rule lists the enterprise on {day:yyyy-MM-dd}, after that day's decisions take "
                    + "effect, so a removal decided that day would remove nothing; date the removal (decidedOn) from "
                    + "the next day."
                : $"On {day:yyyy-MM-dd}, the day decided, the enterprise was not on the blacklist, so there is "
                    + "nothing to remove; check the credit code and decidedOn.",
                ErrorCodes.NotListed);
        }
    }

    public override async Task<MutationResult> AnswerAsync(
        ProductQualityDbContext db, long factId, string resultKey, CancellationToken ct) =>
        new(false, await db.BlacklistEvents.AsNoTracking().FirstAsync(b => b.Id == factId, ct),
            await Answers.EnterpriseAsync(db, resultKey, ct), null);

    public override async Task<DomainException?> ExplainFailedSaveAsync(
        WriteScope scope, RecordBlacklistDecisionInput input, CancellationToken ct) =>
        await TakenAsync(scope, DocumentNumber.Forms(input.DecisionNumber), ct)
            ? DomainException.ForField(ErrorCodes.Duplicate, "input.decisionNumber",
                $"Decision number '{input.DecisionNumber}' was just used in your bureau's blacklist register " +
                "by another request; check the number.")
            : null;

    private static Task<bool> TakenAsync(WriteScope scope, string[] forms, CancellationToken ct) =>
        scope.Db.BlacklistEvents.IgnoreQueryFilters()
            .AnyAsync(b => b.Authority == scope.Authority
                && (forms.Contains(b.DecisionNumber) || forms.Contains(StoredNumberCapitals.Of(b.DecisionNumber))), ct);

    // A removal is published under the category of the listing it ends, unless the decision names one.
    private static async Task<BlacklistReason> CategoryAsync(
        WriteScope scope, int enterpriseId, RecordBlacklistDecisionInput input, CancellationToken ct) =>
        input.ReasonCategory
        ?? await scope.Db.BlacklistEvents
            .Where(b => b.EnterpriseId == enterpriseId && b.Kind == BlacklistEventKind.Listed)
            .OrderByDescending(b => b.OccurredOn).ThenByDescending(b => b.Id)
            .Select(b => (BlacklistReason?)b.ReasonCategory).FirstOrDefaultAsync(ct)
        ?? BlacklistReason.RepeatFailure;
}
