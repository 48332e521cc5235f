namespace ProductQuality.Graph.Audit;

/// <summary>
/// One GraphQL request as the access log keeps it: who asked, why, what, what it received and how it ended — one
/// link of the hash chain (<see cref="AccessChain"/>). Never updated; retention may archive and remove it later.
/// </summary>
public sealed partial class AccessLogEntry
{
    /// <summary>Position in the chain, 1, 2, 3, …: gap-free, assigned under the chain's lock.</summary>
    public long Seq { get; set; }

    /// <summary>When the request arrived (UTC, to the microsecond, so both databases keep it exactly).</summary>
    public DateTime AtUtc { get; set; }

    /// <summary>The request id (ASP.NET Core's TraceIdentifier), also in the server's logs and error answers.</summary>
    public string RequestId { get; set; } = "";

    /// <summary>The department (the token's <c>dept</c>); null for the public and for refused identities.</summary>
    public string? Department { get; set; }

    /// <summary>The token's subject (the officer or system).</summary>
    public string? Subject { get; set; }

    public string? ClientAddress { get; set; }

    public string? OperationName { get; set; }

    /// <summary>SHA-256 (hex) of the document's UTF-8 text as sent; null when none was read.</summary>
    public string? DocumentSha256 { get; set; }

    /// <summary>SHA-256 (hex) of the variables' JSON text as sent; null when there were none.</summary>
    public string? VariablesSha256 { get; set; }

    /// <summary>The field groups of the fields resolved, comma-separated in the enum's order (ACCESS.md).</summary>
    public string FieldGroups { get; set; } = "";

    /// <summary>The declared purpose (<c>X-Purpose</c>).</summary>
    public string? Purpose { get; set; }

    public AccessOutcome Outcome { get; set; }

    /// <summary>
    /// The HTTP status answered; for a WebSocket refusal that closes the connection, its close code (4403, 1013, …),
    /// whose <see cref="Outcome"/> is the one the same refusal has over HTTP.
    /// </summary>
    public int Status { get; set; }

    /// <summary>The first error's code (e.g. RATE_LIMITED, INVALID_TOKEN); null when answered without errors.</summary>
    public string? ErrorCode { get; set; }

    public long DurationMicroseconds { get; set; }

    /// <summary>How many enterprises' data the answer returned (the rows of <see cref="Codes"/>).</summary>
    public int CodeCount { get; set; }

    /// <summary>The <see cref="Hash"/> of the entry before (64 zeros for the first).</summary>
    public string PreviousHash { get; set; } = "";

    /// <summary>SHA-256 (hex) over the position, the previous hash and this entry's canonical content.</summary>
    public string Hash { get; set; } = "";

    /// <summary>The credit codes of every enterprise whose data the answer returned.</summary>
    public List<AccessLogCode> Codes { get; set; } = [];

    /// <summary>
    /// <see cref="AccessChain.ContentHash"/>, computed by the request before it hands the entry to the writer, so the
    /// one loop all requests wait on does not sort and hash their codes (not stored: the chain's link covers it).
    /// </summary>
    public string? PrecomputedContentHash { get; set; }

    /// <summary>
    /// The <see cref="UnloggedWrites.UnloggedWrite"/> rows of the writes this entry accounts for, deleted in the
    /// transaction that stores it (not stored).
    /// </summary>
    public IReadOnlyList<long> SettlesUnloggedWrites { get; set; } = [];
}
