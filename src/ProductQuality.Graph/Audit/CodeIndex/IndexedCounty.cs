namespace ProductQuality.Graph.Audit.CodeIndex;

/// <summary>
/// One row of the access log's look-up by county (table <c>AccessLogCountyIndex</c>, keyed by county, then entry):
/// the entry returned data of at least one enterprise of that county. Written with the look-up by code, in the
/// same batch (<see cref="AccessLogCodeIndexer"/>), from the entry's codes and their enterprises' counties (which no
/// write changes).
/// </summary>
/// <remarks>
/// Why: a county bureau reads only entries that returned its county's data. Found through the look-up by code, its
/// scope read every code of every entry of its county (a county's accessSummary 0.7 s on a log of 2,000 checks of
/// 3,000 codes; entry by entry, 3.4 s); from here it reads one row per entry.
/// </remarks>
public sealed class IndexedCounty
{
    public string County { get; set; } = "";

    public long EntrySeq { get; set; }
}
