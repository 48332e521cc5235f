using GraphQL;
using Microsoft.EntityFrameworkCore;
using ProductQuality.Graph.Audit.CodeIndex;
using ProductQuality.Graph.Data;
using ProductQuality.Graph.Enterprises;
using ProductQuality.Graph.Infrastructure.Clock;
using ProductQuality.Graph.Schema;

namespace ProductQuality.Graph.Audit;

/// <summary>
/// The log entries a reader may see under a filter, as SQL: a county bureau only entries whose answer returned data
/// of an enterprise of its county (and of those entries only its county's codes); an enterprise token only entries
/// that returned its own data.
/// </summary>
internal static class AccessLogScope
{
    public static async Task<IQueryable<AccessLogEntry>> FilteredAsync(
        IResolveFieldContext context, AccessLogFilter? filter)
    {
        var db = context.Db();
        var entries = db.AccessLog.AsNoTracking();
        var county = context.Audience().Rows.County;
        var mark = await CodeLookup.MarkAsync(db, context.CancellationToken);
        if (context.Audience().Rows.Enterprise is { } own)
        {
            // An enterprise token (its tracker): only entries that returned its own data.
            var returnedOwn = CodeLookup.EntriesThatReturned(db, own, mark);
            entries = entries.Where(e => returnedOwn.Contains(e.Seq));
        }

        // With a code to look for, the county's condition is that code's (Apply): an entry that returned it returned
        // the county's data.
        if (county is not null && filter?.CreditCode is null)
        {
            // Through the look-up by county: asked entry by entry ("any of its codes in the county?"), every code of
            // every entry was read, and a county's accessSummary took 1.6-3.6 s on a log of 2,000 big checks.
            var returnedCounty = CodeLookup.EntriesThatReturnedCounty(db, county, mark);
            entries = entries.Where(e => returnedCounty.Contains(e.Seq));
        }

        return filter is null ? entries : Apply(db, entries, filter, county, mark);
    }

    /// <summary>
    /// The entries as their requests were answered: an entry whose request gave up while its transaction committed
    /// (503, fail closed) was stored as answered, with its codes, and corrected by an entry appended after it
    /// (<see cref="AccessLogEntry.Commit"/>); left out here, the request counts once, as its correction says — refused,
    /// nothing returned. whoAccessed listed such a caller as having received data it never received, and
    /// accessSummary counted the request twice, once delivered.
    /// </summary>
    /// <remarks>
    /// A correction is the entry's refusal (<see cref="AccessLogEntry.Refusal"/>): the same request id and arrival
    /// time, a later position, ACCESS_LOG_UNAVAILABLE. The time tells the events of one subscription apart, which share
    /// its request id. The corrections have a partial index of their own (IX_AccessLog_Corrections): a page's entries
    /// cost one probe of it each, and a summary reads it whole instead of the log a second time (PostgreSQL, 1,000,000
    /// entries, 200 corrections, one grouping: 392 ms unfiltered, 504 ms so, 656 ms without the index).
    /// </remarks>
    public static IQueryable<AccessLogEntry> AsAnswered(ProductQualityDbContext db, IQueryable<AccessLogEntry> entries)
    {
        var all = db.AccessLog.AsNoTracking();
        return entries.Where(e => !all.Any(k => k.AtUtc == e.AtUtc && k.RequestId == e.RequestId && k.Seq > e.Seq
            && k.ErrorCode == AccessLogging.UnavailableCode));
    }

    /// <summary>The entries' codes the reader may see: a county bureau its county's, an enterprise token its own.
    /// </summary>
    public static IQueryable<AccessLogCode> VisibleCodes(IResolveFieldContext context, ProductQualityDbContext db)
    {
        var codes = db.AccessLogCodes.AsNoTracking();
        if (context.Audience().Rows.County is { } county)
        {
            var countyCodes = CountyCodes(db, county);
            codes = codes.Where(k => countyCodes.Contains(k.CreditCode));
        }

        if (context.Audience().Rows.Enterprise is { } own)
        {
            codes = codes.Where(k => k.CreditCode == own);
        }

        return codes;
    }

    private static IQueryable<string> CountyCodes(ProductQualityDbContext db, string county) =>
        db.Enterprises.Where(x => x.CountyCode == county).Select(x => x.CreditCode);

    private static IQueryable<AccessLogEntry> Apply(ProductQualityDbContext db, IQueryable<AccessLogEntry> entries,
        AccessLogFilter filter, string? county, long mark)
    {
        if (filter.Department is { } department)
        {
            entries = entries.Where(e => e.Department == department);
        }

        if (filter.CreditCode is { } code)
        {
            var check = CreditCode.Validate(code);
            if (!check.IsValid)
            {
                throw new DomainException(ErrorCodes.InvalidCreditCode,
                    CreditCode.Refusal(code, check));
            }

            // Another county's enterprise is unknown to a county bureau here too: its code matches nothing.
            var returned = CodeLookup.EntriesThatReturned(db, code, mark);
            entries = county is null
                ? entries.Where(e => returned.Contains(e.Seq))
                : entries.Where(e => returned.Contains(e.Seq)
                    && db.Enterprises.Any(x => x.CreditCode == code && x.CountyCode == county));
        }

        if (filter.Purpose is { } purpose)
        {
            entries = entries.Where(e => e.Purpose == purpose);
        }

        if (filter.Outcome is { } outcome)
        {
            entries = entries.Where(e => e.Outcome == outcome);
        }

        if (filter is { From: { } from, To: { } to } && to < from)
        {
            throw new DomainException(ErrorCodes.InvalidArgument, "'to' must not be before 'from'.");
        }

        if (filter.From is { } first && StartUtc(first) is { } start)
        {
            entries = entries.Where(e => e.AtUtc >= start);
        }

        if (filter.To is { } last && last < DateOnly.MaxValue && StartUtc(last.AddDays(1)) is { } end)
        {
            entries = entries.Where(e => e.AtUtc < end);
        }

        return entries;
    }

    /// <summary>The instant a China Standard Time day begins, in UTC; null for the first day of the calendar.</summary>
    public static DateTime? StartUtc(DateOnly day) =>
        day <= DateOnly.MinValue
            ? null
            : DateTime.SpecifyKind(day.ToDateTime(TimeOnly.MinValue) - BureauClock.ChinaStandardTime, DateTimeKind.Utc);
}
