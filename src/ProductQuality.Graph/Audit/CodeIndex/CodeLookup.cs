using Microsoft.EntityFrameworkCore;
using ProductQuality.Graph.Data;

namespace ProductQuality.Graph.Audit.CodeIndex;

/// <summary>
/// The way into the access log by credit code: the entries whose answers returned an enterprise's data are the
/// indexed ones (<see cref="IndexedCode"/>, up to the <see cref="CodeIndexMark"/>) and those after the mark whose own
/// code rows name it (a range of their key: only the codes appended since the indexer's last batch).
/// <para>
/// The mark is read first (<see cref="MarkAsync"/>) and goes into the statement as a literal: as a subquery,
/// PostgreSQL could not estimate the range it opens and scanned every code row of the log (0.2–0.4 s a look-up at
/// 2.7 million codes, and a tracker token's 25 aliases held the database for the whole 10 s: the cost probe). A mark
/// read a moment before the statement is at most lower than the statement's own: the entries between the two are
/// found twice, by the index and by their code rows, which the readers' <c>IN</c> takes once. None is missed.
/// </para>
/// </summary>
internal static class CodeLookup
{
    /// <summary>Up to which entry the look-up tables hold the codes (0 before the first batch).</summary>
    public static async Task<long> MarkAsync(ProductQualityDbContext db, CancellationToken cancel) =>
        await db.CodeIndexMarks.MaxAsync(m => (long?)m.IndexedThroughSeq, cancel) ?? 0;

    /// <summary>Positions of the entries that returned this code's data (to use as <c>seqs.Contains(e.Seq)</c>:
    /// SQL <c>IN</c>, so the look-up drives the query instead of a scan of the whole log).</summary>
    public static IQueryable<long> EntriesThatReturned(ProductQualityDbContext db, string creditCode, long mark) =>
        db.AccessLogCodeIndex.Where(i => i.CreditCode == creditCode).Select(i => i.EntrySeq)
            .Concat(db.AccessLogCodes
                .Where(k => k.EntrySeq > EF.Constant(mark) && k.CreditCode == creditCode)
                .Select(k => k.EntrySeq));

    /// <summary>
    /// Positions of the entries that returned data of an enterprise of this county: the look-up by county, and past
    /// its mark the entries' own codes with their enterprises.
    /// </summary>
    public static IQueryable<long> EntriesThatReturnedCounty(ProductQualityDbContext db, string county, long mark) =>
        db.AccessLogCountyIndex.Where(i => i.County == county).Select(i => i.EntrySeq)
            .Concat(db.AccessLogCodes
                .Where(k => k.EntrySeq > EF.Constant(mark)
                    && db.Enterprises.Any(x => x.CreditCode == k.CreditCode && x.CountyCode == county))
                .Select(k => k.EntrySeq));
}
