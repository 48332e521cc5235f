using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ProductQuality.Graph.Access;
using ProductQuality.Graph.History;
using ProductQuality.Graph.Infrastructure.Http.Limits;
using ProductQuality.Graph.Schema;

namespace ProductQuality.Graph.Enterprises;

/// <summary>
/// <c>enterpriseStatuses</c>: a finance or tax system's morning batch — the status of up to 1,000 applicants in
/// one request. The enterprises are found in chunks of codes; under <c>asOf</c> their state on the day comes from the
/// request's batch loaders (the ones <c>enterprise(asOf:)</c> uses), each loading every enterprise at once.
/// </summary>
public static class EnterpriseStatusQueries
{
    public const string FieldName = "enterpriseStatuses";

    private const int ChunkSize = 1_000;

    public static void AddTo(QueryType query) =>
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<EnterpriseStatusType>>>>(
                FieldGroup.Identity, FieldName)
            .Description("Compact status (状态) of many enterprises by unified social credit code (统一社会信用代码): " +
                "one record per code in input order; malformed, repeated and unknown codes answered per item. At " +
                "most GraphQL:Limits:MaxStatusCodes codes (1,000 by default; more is TOO_MANY_CODES).")
            .Argument<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>(
                "creditCodes", "The codes, as the applicants gave them.")
            .WithAsOf()
            .ResolveAsync(async c =>
            {
                var limit = c.Service<IOptions<QueryLimitsOptions>>().Value.MaxStatusCodes;
                var batch = CreditCodeBatch.Read(c.GetArgument<List<string>>("creditCodes"), limit, FieldName);
                var found = await FindAsync(c, batch.DistinctValid);
                if (c.AsOf() is { } on)
                {
                    found = await OnDayAsync(c, found, on);
                }

                return batch.Items
                    .Select(i => new EnterpriseStatus(i, i.Valid ? found.GetValueOrDefault(i.Code) : null))
                    .ToList();
            });

    private static async Task<Dictionary<string, Enterprise>> FindAsync(
        IResolveFieldContext c, IReadOnlyList<string> codes)
    {
        var found = new Dictionary<string, Enterprise>(StringComparer.Ordinal);
        foreach (var chunk in codes.Chunk(ChunkSize))
        {
            foreach (var e in await c.VisibleEnterprises().Where(e => chunk.Contains(e.CreditCode))
                         .ToListAsync(c.CancellationToken))
            {
                found[e.CreditCode] = e;
            }
        }

        return found;
    }

    private static async Task<Dictionary<string, Enterprise>> OnDayAsync(
        IResolveFieldContext c, Dictionary<string, Enterprise> today, KnownOn on)
    {
        // Ask for every enterprise before awaiting any: each loader then reads all of them in one statement.
        var pending = today.Values.Select(e => (Enterprise: e, Records: c.ClassStatesOf(e.Id),
            Listings: c.BlacklistHistoryOf(e.Id), Assured: c.AssuredHistoryOf(e.Id))).ToList();
        var then = new Dictionary<string, Enterprise>(StringComparer.Ordinal);
        foreach (var (enterprise, records, listings, assured) in pending)
        {
            var rows = await records.GetResultAsync(c.CancellationToken);
            if (rows.Count == 0)
            {
                continue; // not assessed by that day: unknown then, as enterprise(asOf:) answers null
            }

            EnterpriseAsOf.ApplyAssessment(enterprise, rows);
            EnterpriseAsOf.ApplyBlacklist(enterprise, await listings.GetResultAsync(c.CancellationToken), on);
            EnterpriseAsOf.ApplyAssured(enterprise, await assured.GetResultAsync(c.CancellationToken), on);
            then[enterprise.CreditCode] = enterprise;
        }

        return then;
    }
}
