using Microsoft.EntityFrameworkCore;
using ProductQuality.Graph.Data;

namespace ProductQuality.Graph.Audit.CodeIndex;

/// <summary>
/// Part of <c>audit verify</c>: the look-up by credit code must hold exactly the chained code rows of every entry up
/// to its mark, and the look-up by county exactly their enterprises' counties. They are copies outside the chain, and
/// whoAccessed, the code filter, an enterprise's own tracker and a county bureau's scope read through them: a deleted
/// index row (or a mark moved past rows never copied) hid an enterprise's accesses from its tracker while the chain
/// verified intact.
/// </summary>
internal static class CodeIndexCheck
{
    private const int Range = 5_000;

    /// <summary>The first entry whose index rows differ from its code rows, and how; null when they agree.</summary>
    public static async Task<(long Seq, string Problem)?> FirstDifferenceAsync(ProductQualityDbContext db,
        long firstInTable, long head, CancellationToken cancellationToken)
    {
        var mark = await db.CodeIndexMarks.AsNoTracking().Select(m => (long?)m.IndexedThroughSeq)
            .SingleOrDefaultAsync(cancellationToken) ?? 0;
        // A running server appends and indexes while the walk runs: compare with the head as it is now.
        if (mark > head && mark > await db.AccessLogHeads.AsNoTracking().MaxAsync(h => h.Seq, cancellationToken))
        {
            return (head + 1, $"The look-up by credit code says it covers entries up to {mark}, past the head "
                + $"({head}): its mark was altered, and lookups by code skip the codes it never copied.");
        }

        for (var from = firstInTable; from <= mark; from += Range)
        {
            var to = Math.Min(from + Range - 1, mark);
            var chained = await Rows(db.AccessLogCodes.Where(c => c.EntrySeq >= from && c.EntrySeq <= to)
                .Select(c => new { c.EntrySeq, c.CreditCode }).ToListAsync(cancellationToken), r => (r.EntrySeq,
                r.CreditCode));
            var indexed = await Rows(db.AccessLogCodeIndex.Where(c => c.EntrySeq >= from && c.EntrySeq <= to)
                .Select(c => new { c.EntrySeq, c.CreditCode }).ToListAsync(cancellationToken), r => (r.EntrySeq,
                r.CreditCode));
            var codeDifference = FirstDifference(chained, indexed,
                missing => $"The look-up by credit code lacks code {missing.Code} of entry {missing.Seq}: whoAccessed "
                    + "and the code filter miss that access. The chain itself is intact.",
                extra => $"The look-up by credit code lists code {extra.Code} for entry {extra.Seq}, which did not "
                    + "return it: whoAccessed and the code filter report an access that did not happen. The chain "
                    + "itself is intact.");
            if (codeDifference is not null)
            {
                return codeDifference;
            }

            if (await FirstCountyDifferenceAsync(db, from, to, cancellationToken) is { } county)
            {
                return county;
            }
        }

        // Rows past the mark are invisible to readers only until the indexer moves it over them: a row planted there
        // would then name an access that never happened. Against the mark as it is now (a live indexer moves it).
        var now = await db.CodeIndexMarks.AsNoTracking().Select(m => (long?)m.IndexedThroughSeq)
            .SingleOrDefaultAsync(cancellationToken) ?? 0;
        var planted = await db.AccessLogCodeIndex.AsNoTracking().Where(c => c.EntrySeq > now)
            .OrderBy(c => c.EntrySeq).Select(c => new { c.EntrySeq, c.CreditCode })
            .FirstOrDefaultAsync(cancellationToken);
        if (planted is not null)
        {
            return (planted.EntrySeq, $"The look-up by credit code lists code {planted.CreditCode} for entry "
                + $"{planted.EntrySeq}, past its mark ({now}): no entry there returned it yet. The chain itself is "
                + "intact.");
        }

        var plantedCounty = await db.AccessLogCountyIndex.AsNoTracking().Where(c => c.EntrySeq > now)
            .OrderBy(c => c.EntrySeq).Select(c => new { c.EntrySeq, c.County }).FirstOrDefaultAsync(cancellationToken);
        return plantedCounty is null
            ? null
            : (plantedCounty.EntrySeq, $"The look-up by county lists county {plantedCounty.County} for entry "
                + $"{plantedCounty.EntrySeq}, past its mark ({now}): no entry there returned it yet. The chain itself "
                + "is intact.");
    }

    /// <summary>
    /// The look-up by county must hold each entry of the range once per county of the enterprises its codes name: a
    /// deleted row hid the access from that county's bureau, an added one showed it an access to another county.
    /// </summary>
    private static async Task<(long Seq, string Problem)?> FirstCountyDifferenceAsync(ProductQualityDbContext db,
        long from, long to, CancellationToken cancellationToken)
    {
        var derived = await Rows(db.AccessLogCodes.Where(c => c.EntrySeq >= from && c.EntrySeq <= to)
            .Join(db.Enterprises, c => c.CreditCode, x => x.CreditCode, (c, x) => new { c.EntrySeq, x.CountyCode })
            .Distinct().ToListAsync(cancellationToken), r => (r.EntrySeq, r.CountyCode));
        var indexed = await Rows(db.AccessLogCountyIndex.Where(c => c.EntrySeq >= from && c.EntrySeq <= to)
            .Select(c => new { c.EntrySeq, c.County }).ToListAsync(cancellationToken), r => (r.EntrySeq, r.County));
        return FirstDifference(derived, indexed,
            missing => $"The look-up by county lacks county {missing.Code} for entry {missing.Seq}: that county's "
                + "bureau misses the access. The chain itself is intact.",
            extra => $"The look-up by county lists county {extra.Code} for entry {extra.Seq}, which returned none of "
                + "its enterprises: that county's bureau sees an access to another county. The chain itself is "
                + "intact.");
    }

    /// <summary>
    /// The first row, by entry, that one set has and the other lacks (a missing row first at the same entry), told
    /// by <paramref name="lacks"/> or <paramref name="lists"/>; null when the sets agree.
    /// </summary>
    private static (long Seq, string Problem)? FirstDifference(HashSet<(long Seq, string Code)> expected,
        HashSet<(long Seq, string Code)> actual, Func<(long Seq, string Code), string> lacks,
        Func<(long Seq, string Code), string> lists)
    {
        var missing = expected.Except(actual).OrderBy(r => r.Seq).FirstOrDefault();
        var extra = actual.Except(expected).OrderBy(r => r.Seq).FirstOrDefault();
        if (missing != default && (extra == default || missing.Seq <= extra.Seq))
        {
            return (missing.Seq, lacks(missing));
        }

        return extra == default ? null : (extra.Seq, lists(extra));
    }

    private static async Task<HashSet<(long Seq, string Code)>> Rows<T>(Task<List<T>> rows,
        Func<T, (long, string)> key) => [.. (await rows).Select(key)];
}
