using System.ComponentModel.DataAnnotations;

namespace ProductQuality.Graph.Audit;

/// <summary>The access log's settings (section <c>AccessLog</c>); which departments must state a purpose is policy,
/// in <c>Access:Departments:&lt;id&gt;:RequirePurpose</c>.</summary>
public sealed class AccessLogOptions
{
    public const string Section = "AccessLog";

    /// <summary>Record every GraphQL request (default). Off only for measuring what the log costs.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// When the log cannot be written: false (default) fails the request with 503 ACCESS_LOG_UNAVAILABLE — nothing
    /// is answered that is not accounted for; true answers anyway and logs the lost entry as an error.
    /// </summary>
    public bool FailOpen { get; set; }

    /// <summary>
    /// Group commit: after the first waiting entry, wait this long for more before appending them in one
    /// transaction. Entries that arrive while a batch is being written join the next one anyway, which under load
    /// is what fills batches: 0 (the default) measured 2 to 9 points more status throughput than 1 ms in four
    /// alternating runs (bench/README.md), as no request waits out a timer on top of the commit.
    /// </summary>
    [Range(0, 100)]
    public int BatchWindowMilliseconds { get; set; }

    /// <summary>At most this many entries per transaction.</summary>
    [Range(1, 10_000)]
    public int MaxBatchSize { get; set; } = 500;

    /// <summary>
    /// How often the credit codes of new entries are copied into the look-up by code (the tracker's and the code
    /// filter's way in). Codes not yet copied are still found, from the entries' own code rows: this only bounds how
    /// many such rows a look-up reads.
    /// </summary>
    [Range(10, 600_000)]
    public int CodeIndexIntervalMilliseconds { get; set; } = 1_000;

    /// <summary>Codes per transaction when copying them into the look-up by code (whole entries: a batch can exceed
    /// it by one entry's codes). On SQLite, entries being appended wait for one batch at most.</summary>
    [Range(1_000, 1_000_000)]
    public int CodeIndexBatchCodes { get; set; } = 50_000;

    /// <summary>
    /// A write whose request's entry is still not stored this long after the write committed (the server was killed
    /// between the two, or the log failed and the request was refused) is recorded then, from what its transaction
    /// kept, with error code ENTRY_RECOVERED. At least as long as a request can run, so a running one is never
    /// taken for lost.
    /// </summary>
    [Range(60, 86_400)]
    public int RecoverUnloggedWritesAfterSeconds { get; set; } = 600;

    /// <summary>How long entries stay in the database before they are archived to files and removed.</summary>
    public Retention.RetentionOptions Retention { get; set; } = new();
}
