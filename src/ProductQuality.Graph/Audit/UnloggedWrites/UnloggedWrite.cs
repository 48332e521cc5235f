namespace ProductQuality.Graph.Audit.UnloggedWrites;

/// <summary>
/// A committed write whose request's access log entry is not stored yet: inserted in the write's own transaction,
/// deleted in the transaction that appends the entry. A row that outlives its request (the server was killed between
/// the two commits, or the log could not be written and the request was refused) is what
/// <see cref="UnloggedWriteRecovery"/> turns into an entry, so no write is left unaccounted for.
/// </summary>
/// <remarks>It holds what the entry would have said that was known when the write committed; what came after (the
/// outcome, the enterprises returned) was never delivered.</remarks>
public sealed class UnloggedWrite
{
    public long Id { get; set; }

    /// <summary>When the request arrived: the entry's time, as the entry would have had it.</summary>
    public DateTime AtUtc { get; set; }

    public DateTime CommittedAtUtc { get; set; }

    /// <summary>The request id the entry would have had (over WebSocket, the connection's and the operation's).
    /// </summary>
    public string RequestId { get; set; } = "";

    public string? Department { get; set; }

    public string? Subject { get; set; }

    public string? ClientAddress { get; set; }

    public string? OperationName { get; set; }

    public string? DocumentSha256 { get; set; }

    public string? VariablesSha256 { get; set; }

    public string? Purpose { get; set; }

    /// <summary>The mutation field, e.g. <c>recordSampling</c>, for the operator's log line.</summary>
    public string Operation { get; set; } = "";

    public string IdempotencyKey { get; set; } = "";
}
