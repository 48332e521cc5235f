using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ProductQuality.Graph.Assessment;
using ProductQuality.Graph.Data;
using ProductQuality.Graph.Infrastructure;
using ProductQuality.Graph.Recording;
using ProductQuality.Graph.Schema;

namespace ProductQuality.Graph.Enforcement;

/// <summary>recordEnforcementDecision: a decision with a unique decision number.</summary>
public sealed class RecordEnforcementDecision : WriteOperation<RecordEnforcementDecisionInput>
{
    public override string Name => "recordEnforcementDecision";

    public override string Description =>
        "Records an enforcement decision (处罚决定) and re-evaluates the enterprise; unlicensed production, "
        + "counterfeiting and IP infringement are serious violations.";

    public override string PayloadDescription =>
        "The recorded enforcement decision and the enterprise it re-evaluated.";

    public override void DescribePayload(PayloadType payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        payload.AddFact<EnforcementDecisionType>("decision", "The decision as recorded.");
        payload.AddEnterprise();
    }

    public override async Task<Staged?> StageAsync(WriteScope scope, RecordEnforcementDecisionInput input,
        CancellationToken ct)
    {
        var enterprise = await scope.EnterpriseAsync(input.CreditCode, ct);
        var number = scope.DocumentNumber("decisionNumber", input.DecisionNumber);
        var summary = scope.Text("summary", input.Summary, 2000);
        scope.PastDate("decidedOn", input.DecidedOn, enterprise);
        if (input.FineYuan < 0)
        {
            scope.Errors.Add("fineYuan", "fineYuan cannot be negative; give 0 when there is no fine.");
        }
        else if (input.FineYuan >= 1_000_000_000_000m)
        {
            scope.Errors.Add("fineYuan", "fineYuan is too large: at most 999999999999.99, the fine in yuan (元).");
        }
        else if (decimal.Round(input.FineYuan, 2) != input.FineYuan)
        {
            // The column keeps fen (分): PostgreSQL rounded 1.005 to 1.01 (and 999999999999.995 overflowed into an
            // internal error) while SQLite kept what was sent, so the providers disagreed on the fine.
            scope.Errors.Add("fineYuan", $"fineYuan {input.FineYuan.ToString(CultureInfo.InvariantCulture)} has more "
                + "than two decimal places; give the fine in yuan to the fen (分), e.g. 1234.56.");
        }

        if (number.Length > 0 && await HolderAsync(scope, enterprise?.Id, input.DecisionNumber, ct) is { } holder)
        {
            scope.Errors.Add("decisionNumber", NumberHolder.Taken(scope, holder, "Decision", number),
                ErrorCodes.Duplicate);
        }

        if (scope.Errors.Any)
        {
            return null;
        }

        var decision = new EnforcementDecision
        {
            EnterpriseId = enterprise!.Id, Kind = input.Kind, DecisionNumber = number, Authority = scope.Authority,
            DecidedOn = input.DecidedOn,
            FineYuan = input.FineYuan, Summary = summary, RecordedAtUtc = scope.UtcNow, RecordedBy = scope.RecordedBy,
        };
        scope.Db.EnforcementDecisions.Add(decision);
        return new Staged(() => decision.Id, enterprise.CreditCode, Touched.Enterprise(enterprise.Id));
    }

    public override async Task<MutationResult> AnswerAsync(ProductQualityDbContext db, long factId, string resultKey,
        CancellationToken ct) =>
        new(false, await db.EnforcementDecisions.AsNoTracking().FirstAsync(d => d.Id == factId, ct),
            await Answers.EnterpriseAsync(db, resultKey, ct), null);

    public override async Task<DomainException?> ExplainFailedSaveAsync(
        WriteScope scope, RecordEnforcementDecisionInput input, CancellationToken ct) =>
        await HolderAsync(scope, null, input.DecisionNumber, ct) is not null
            ? DomainException.ForField(ErrorCodes.Duplicate, "input.decisionNumber",
                $"Decision number '{Quoted.Start(input.DecisionNumber)}' was just recorded by another request; " +
                "a decision is recorded once.")
            : null;

    private static Task<string?> HolderAsync(WriteScope scope, int? enterpriseId, string number,
        CancellationToken ct) => NumberHolder.FindAsync(scope, scope.Db.EnforcementDecisions.Select(d =>
        new NumberedRow { Authority = d.Authority, EnterpriseId = d.EnterpriseId, Number = d.DecisionNumber }),
        enterpriseId, DocumentNumber.Forms(number), ct);
}
