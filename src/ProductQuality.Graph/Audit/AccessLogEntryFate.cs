namespace ProductQuality.Graph.Audit;

/// <summary>
/// Whether an entry handed to the writer still says what its request answered. A request that gives up waiting for
/// its commit answers 503 ACCESS_LOG_UNAVAILABLE, and the entry it had queued — 200, its field groups and credit
/// codes — was stored all the same once the database answered again: <c>whoAccessed</c> then listed the caller as
/// having received data it never received (the lock probe). One reference decides, changed only by compare-and-swap,
/// so the request and the writer agree whatever the timing:
/// <list type="bullet">
/// <item>the writer seals the entry as it numbers it inside its transaction; a refusal set before that is what it
/// writes instead (<see cref="Seal"/>);</item>
/// <item>the request that gives up sets its refusal, unless the writer has marked the entry committed: then its commit
/// won the race and the answer is given (<see cref="TryRefuse"/>);</item>
/// <item>a refusal set while the entry was sealed (its transaction under way) cannot change what that transaction
/// stores: the writer appends it after the commit, as a correcting entry (<see cref="Commit"/>); after a rollback
/// the entry is waiting again (<see cref="RolledBack"/>).</item>
/// </list>
/// </summary>
public sealed partial class AccessLogEntry
{
    private static readonly object SealedAsAnswered = new(), SealedAsRefused = new(), Committed = new();

    // null: waiting; a marker above; an AccessLogEntry: the refusal its request answered instead.
    private object? _fate;

    /// <summary>
    /// The request gave up waiting and answers <paramref name="refusal"/>: true when the log will say so (this entry
    /// stored as the refusal, or corrected by it); false when this entry was already committed as answered, and the
    /// answer must be given.
    /// </summary>
    internal bool TryRefuse(AccessLogEntry refusal)
    {
        while (true)
        {
            var seen = Volatile.Read(ref _fate);
            if (ReferenceEquals(seen, Committed))
            {
                return false;
            }

            if (seen is AccessLogEntry || ReferenceEquals(seen, SealedAsRefused))
            {
                return true;
            }

            if (ReferenceEquals(Interlocked.CompareExchange(ref _fate, refusal, seen), seen))
            {
                return true;
            }
        }
    }

    /// <summary>The writer numbers this entry in a transaction: from now on its request's refusal comes too late to
    /// change what it stores. If it came before, this entry becomes that refusal.</summary>
    internal void Seal()
    {
        var seen = Interlocked.CompareExchange(ref _fate, SealedAsAnswered, null);
        if (seen is AccessLogEntry refusal
            && ReferenceEquals(Interlocked.CompareExchange(ref _fate, SealedAsRefused, refusal), refusal))
        {
            Become(refusal);
        }
    }

    /// <summary>The writer committed this entry: the correcting entry to append when its request gave up meanwhile
    /// (the answer was 503, the entry says otherwise); null when the entry says what was answered.</summary>
    internal AccessLogEntry? Commit() =>
        Interlocked.CompareExchange(ref _fate, Committed, SealedAsAnswered) as AccessLogEntry;

    /// <summary>The writer's transaction was rolled back: the entry waits for its next one.</summary>
    internal void RolledBack() => Interlocked.CompareExchange(ref _fate, null, SealedAsAnswered);

    /// <summary>
    /// What the log says of a request that gave up waiting for this entry after <paramref name="waited"/>: the
    /// answer it gave, 503 ACCESS_LOG_UNAVAILABLE (over WebSocket a refusal that closes the connection closes 1013),
    /// and nothing returned — no field groups, no credit codes. Who, what and why stay; so do the writes it settles:
    /// they committed.
    /// </summary>
    internal AccessLogEntry Refusal(TimeSpan waited)
    {
        var refusal = new AccessLogEntry
        {
            AtUtc = AtUtc, RequestId = RequestId, Department = Department, Subject = Subject,
            ClientAddress = ClientAddress, OperationName = OperationName, DocumentSha256 = DocumentSha256,
            VariablesSha256 = VariablesSha256, FieldGroups = "", Purpose = Purpose,
            Outcome = AccessOutcome.Error,
            Status = Status >= 1000 ? Infrastructure.WebSockets.CloseCodes.TryAgainLater
                : StatusCodes.Status503ServiceUnavailable,
            ErrorCode = AccessLogging.UnavailableCode,
            DurationMicroseconds = DurationMicroseconds + (long)waited.TotalMicroseconds,
            SettlesUnloggedWrites = SettlesUnloggedWrites,
        };
        refusal.PrecomputedContentHash = AccessChain.ContentHash(refusal, []);
        return refusal;
    }

    private void Become(AccessLogEntry refusal)
    {
        (FieldGroups, Outcome, Status, ErrorCode) = (refusal.FieldGroups, refusal.Outcome, refusal.Status,
            refusal.ErrorCode);
        (DurationMicroseconds, CodeCount, Codes) = (refusal.DurationMicroseconds, 0, []);
        PrecomputedContentHash = refusal.PrecomputedContentHash;
    }
}
