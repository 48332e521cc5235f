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
    /// The same for any of these codes (a county's enterprises): one position per code that returned it, so an entry
    /// may come more than once — fine for <c>Contains</c>.
    /// </summary>
    public static IQueryable<long> EntriesThatReturnedAny(ProductQualityDbContext db, IQueryable<string> creditCodes) =>
        db.AccessLogCodeIndex.Where(i => creditCodes.Contains(i.CreditCode)).Select(i => i.EntrySeq)
            .Concat(db.AccessLogCodes
                .Where(k => k.EntrySeq > db.CodeIndexMarks.Max(m => m.IndexedThroughSeq)
                    && creditCodes.Contains(k.CreditCode))
                .Select(k => k.EntrySeq));
}
