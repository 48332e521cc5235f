using GraphQL;
using GraphQL.DataLoader;
using Microsoft.EntityFrameworkCore;
using ProductQuality.Graph.Data;
using ProductQuality.Graph.Infrastructure.Loading;
using ProductQuality.Graph.Schema;

namespace ProductQuality.Graph.Audit;

/// <summary>
/// An access log entry's credit codes as its reader may see them (a county bureau: its county's), at most
/// <c>limit</c> of each entry, cut in SQL. An entry of a 10,000-code check holds 10,000 codes: a page of 400 such
/// entries answered 18.9 MB (900,000 codes, 2 s) for an estimate that priced each entry's list at 100.
/// </summary>
internal static class AccessLogCodeLoader
{
    /// <summary>How many codes of an entry <c>creditCodes</c> gives when it does not say.</summary>
    public const int DefaultLimit = 100;

    /// <summary>The most it gives; the largest bulk check's codes, at its default maximum.</summary>
    public const int MaxLimit = 10_000;

    /// <summary>
    /// The <c>limit</c> asked, checked (the cost estimate refuses one out of range before anything runs; this is for
    /// a value it could not read).
    /// </summary>
    public static int Checked(int? limit) => limit switch
    {
        null => DefaultLimit,
        < 0 or > MaxLimit => throw new DomainException(limit < 0 ? ErrorCodes.InvalidArgument : ErrorCodes.PageTooLarge,
            $"'limit' of creditCodes must be between 0 and {MaxLimit}; it was {limit}.",
            new Dictionary<string, object?> { ["argument"] = "limit" }),
        _ => limit.Value,
    };

    /// <summary>The codes, sorted, at most <paramref name="limit"/>.</summary>
    public static IDataLoaderResult<IReadOnlyList<string>> CodesOf(IResolveFieldContext context,
        AccessLogEntry entry, int limit) =>
        context.RowsLoader<long, AccessLogCode>($"access-log-codes-{limit}",
                (db, seqs, ct) => FetchAsync(context, db, seqs, limit, ct), k => k.EntrySeq)
            .Load(entry.Seq)
            .Then<IReadOnlyList<AccessLogCode>, IReadOnlyList<string>>(rows => rows.Select(k => k.CreditCode).ToList());

    /// <summary>How many codes of the entry the reader may see: the entry's own count for a reader of all.</summary>
    public static object CountOf(IResolveFieldContext context, AccessLogEntry entry)
    {
        if (!Scoped(context))
        {
            return entry.CodeCount;
        }

        return context.RowsLoader<long, (long Seq, int Count)>("access-log-code-counts",
                async (db, seqs, ct) => (await AccessLogScope.VisibleCodes(context, db)
                        .Where(k => seqs.Contains(k.EntrySeq))
                        .GroupBy(k => k.EntrySeq).Select(g => new { Seq = g.Key, Count = g.Count() })
                        .ToListAsync(ct))
                    .Select(g => (g.Seq, g.Count)).ToList(),
                g => g.Seq)
            .Load(entry.Seq)
            .Then(counts => counts.Count == 0 ? 0 : counts[0].Count);
    }

    /// <summary>
    /// Entries with at most <paramref name="limit"/> codes in all are read in one statement (the usual case: a
    /// look-up returns a code or a page's hundred); each larger one by its own, cut to the limit by the key's order.
    /// </summary>
    private static async Task<List<AccessLogCode>> FetchAsync(IResolveFieldContext context,
        ProductQualityDbContext db, IReadOnlyList<long> seqs, int limit, CancellationToken cancellationToken)
    {
        var sizes = await db.AccessLog.AsNoTracking().Where(e => seqs.Contains(e.Seq))
            .Select(e => new { e.Seq, e.CodeCount }).ToListAsync(cancellationToken);
        var small = sizes.Where(e => e.CodeCount <= limit).Select(e => e.Seq).ToList();
        var rows = limit == 0 ? [] : await AccessLogScope.VisibleCodes(context, db)
            .Where(k => small.Contains(k.EntrySeq)).ToListAsync(cancellationToken);
        foreach (var large in sizes.Where(e => e.CodeCount > limit && limit > 0))
        {
            rows.AddRange(await AccessLogScope.VisibleCodes(context, db).Where(k => k.EntrySeq == large.Seq)
                .OrderBy(k => k.CreditCode).Take(limit).ToListAsync(cancellationToken));
        }

        rows.Sort((a, b) => string.CompareOrdinal(a.CreditCode, b.CreditCode));
        return rows;
    }

    private static bool Scoped(IResolveFieldContext context) =>
        context.Audience().Rows.County is not null || context.Audience().Rows.Enterprise is not null;
}
