namespace ProductQuality.Graph.Audit.CodeIndex;

/// <summary>
/// One row of the access log's look-up by credit code (table <c>AccessLogCodeIndex</c>, keyed by code, then entry):
/// a copy of an <see cref="AccessLogCode"/>, made in large batches by <see cref="AccessLogCodeIndexer"/> rather
/// than in the commit that appends the entry. The tracker and the regulator's code filter start here.
/// </summary>
/// <remarks>
/// Why a copy: appended with the entry, each code landed at a random place of a code-ordered index and a commit
/// dirtied one index page per code, which made the log cost a page of 100 enterprises two thirds of its throughput
/// on SQLite. The entry's own code rows (keyed by entry, appended in order) stay in the commit: they are the chain's
/// record; this table is only the way in by code.
/// </remarks>
public sealed class IndexedCode
{
    public string CreditCode { get; set; } = "";

    public long EntrySeq { get; set; }
}
