using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.Options;
using ProductQuality.Graph.Access;
using ProductQuality.Graph.Enterprises;
using ProductQuality.Graph.History;
using ProductQuality.Graph.Infrastructure.Clock;
using ProductQuality.Graph.Infrastructure.Http.Limits;
using ProductQuality.Graph.Receipts;
using ProductQuality.Graph.Schema;

namespace ProductQuality.Graph.Blacklist;

/// <summary>
/// <c>blacklistCheck</c>: the project-approval systems' question (项目申报) — is any of these applicants on the
/// blacklist? — for thousands of codes in one request, answered per code so one bad code never fails the batch.
/// </summary>
public static class BlacklistCheckQueries
{
    public const string FieldName = "blacklistCheck";

    public static void AddTo(QueryType query) =>
        query.Field<NonNullGraphType<BlacklistCheckType>>(FieldGroup.BlacklistStatus, FieldName)
            .Description("Checks many unified social credit codes (统一社会信用代码) against the blacklist (黑名单) at once: " +
                "one result per code in input order, malformed, repeated and unknown codes answered per item. " +
                "At most GraphQL:Limits:MaxBlacklistCheckCodes codes (10,000 by default; more is TOO_MANY_CODES); " +
                "send them as a variable. Returns a signed receipt of what was asked and answered.")
            .Argument<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>(
                "creditCodes", "The codes to check, as the applicants gave them.")
            .WithAsOf()
            .ResolveAsync(async c =>
            {
                var limits = c.Service<IOptions<QueryLimitsOptions>>().Value;
                var batch = CreditCodeBatch.Read(
                    c.GetArgument<List<string>>("creditCodes"), limits.MaxBlacklistCheckCodes, FieldName);
                var on = c.AsOf();
                var checker = new BlacklistChecker(c.Db(), c.Audience().Rows);
                var standings = await checker.StandingsAsync(batch.DistinctValid, on, c.CancellationToken);
                var results = batch.Items
                    .Select(i => new BlacklistCheckResult(i, i.Valid ? standings.GetValueOrDefault(i.Code) : null))
                    .ToList();
                var clock = c.Service<BureauClock>();
                var check = new BlacklistCheck(Guid.NewGuid(), new DateTimeOffset(clock.UtcNow, TimeSpan.Zero),
                    on?.Date, results);
                var audience = c.Audience();
                var receipt = new CheckReceipt(check.CheckId.ToString("D"), check.CheckedAt,
                    audience.Department ?? "public", audience.Contract.Name, check.AsOf, results.Count,
                    ReceiptDigest.Codes(batch.Items.Select(i => i.Code)),
                    ReceiptDigest.Answers(results, audience.Contract));
                return check with { Receipt = c.Service<ReceiptSigner>().Sign(receipt) };
            });
}
