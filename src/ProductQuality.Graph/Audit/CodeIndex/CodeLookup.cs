using ProductQuality.Graph.Data;

namespace ProductQuality.Graph.Audit.CodeIndex;

/// <summary>
/// The way into the access log by credit code: the entries whose answers returned an enterprise's data are the
/// indexed ones (<see cref="IndexedCode"/>, up to the <see cref="CodeIndexMark"/>) and those after the mark whose own
/// code rows name it (a range of their key: only the codes appended since the indexer's last batch). One statement,
/// so it reads the index and the mark as of one moment: every entry is found exactly once.
/// </summary>
internal static class CodeLookup
{
    /// <summary>Positions of the entries that returned this code's data (to use as <c>seqs.Contains(e.Seq)</c>:
    /// SQL <c>IN</c>, so the look-up drives the query instead of a scan of the whole log).</summary>
    public static IQueryable<long> EntriesThatReturned(ProductQualityDbContext db, string creditCode) =>
        db.AccessLogCodeIndex.Where(i => i.CreditCode == creditCode).Select(i => i.EntrySeq)
            .Concat(db.AccessLogCodes
                .Where(k => k.EntrySeq > db.CodeIndexMarks.Max(m => m.IndexedThroughSeq) && k.CreditCode == creditCode)
                .Select(k => k.EntrySeq));

    /// <summary>
    /// Positions of the entries that returned data of an enterprise of this county: the look-up by county, and past
    /// its mark the entries' own codes with their enterprises.
    /// </summary>
    public static IQueryable<long> EntriesThatReturnedCounty(ProductQualityDbContext db, string county) =>
        db.AccessLogCountyIndex.Where(i => i.County == county).Select(i => i.EntrySeq)
            .Concat(db.AccessLogCodes
                .Where(k => k.EntrySeq > db.CodeIndexMarks.Max(m => m.IndexedThroughSeq)
                    && db.Enterprises.Any(x => x.CreditCode == k.CreditCode && x.CountyCode == county))
                .Select(k => k.EntrySeq));
}
