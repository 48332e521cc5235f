using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using ProductQuality.Graph.Access;

namespace ProductQuality.Graph.Audit;

/// <summary>
/// What one request did, gathered while it runs (an HTTP feature): the endpoint notes who asked and what, every
/// refusal notes its status and code, and the resolvers note the field groups they answered and the enterprises whose
/// data they returned (<see cref="AccessRecording"/>). Becomes one <see cref="AccessLogEntry"/> when answered.
/// </summary>
public sealed class AccessTrace(DateTime startedUtc, long startedTimestamp)
{
    private readonly Lock _lock = new();
    private readonly HashSet<string> _codes = new(StringComparer.Ordinal);

    // The code added last. The fields of one enterprise all return its one code string, so only the first of them
    // takes the lock: a page of 100 enterprises notes its codes some 500 times.
    private string? _lastCode;
    private int _groups;
    private List<(string Operation, string Key, long Unlogged)>? _writes;

    public DateTime StartedUtc { get; } = startedUtc;

    public long StartedTimestamp { get; } = startedTimestamp;

    public Audience? Audience { get; set; }

    /// <summary>The id its entry will have: the HTTP request's, or over WebSocket the connection's and operation's.
    /// </summary>
    public string RequestId { get; set; } = "";

    public string? ClientAddress { get; set; }

    /// <summary>A valid token's department and subject when its department has no policy (no audience).</summary>
    public (string Department, string? Subject)? Claimed { get; set; }

    /// <summary>Who asked, as an entry records it: the audience's department, else the one the token claimed.</summary>
    public string? Department => Audience?.Department ?? Claimed?.Department;

    /// <summary>The officer or system that asked: the audience's subject, else the one the token claimed.</summary>
    public string? Subject => Audience?.Subject ?? Claimed?.Subject;

    public string? Purpose { get; set; }

    public string? OperationName { get; private set; }

    public string? DocumentSha256 { get; private set; }

    public string? VariablesSha256 { get; private set; }

    /// <summary>The first error's code, when the answer carries errors.</summary>
    public string? ErrorCode { get; private set; }

    /// <summary>Whether any error of the answer is a server fault.</summary>
    public bool Faulted { get; private set; }

    /// <summary>
    /// Set by a refusal that returns nothing: what resolvers noted — codes and field groups — was not delivered.
    /// </summary>
    public bool NothingReturned { get; private set; }

    /// <param name="query">The document as sent; null for a refused request that sent none (a persisted query's
    /// hash alone).</param>
    /// <param name="variablesJson">The variables' JSON as sent.</param>
    /// <param name="operationName">The operation name sent.</param>
    public void Request(string? query, string? variablesJson, string? operationName)
    {
        DocumentSha256 = query is null ? null : Sha256(query);
        VariablesSha256 = variablesJson is null ? null : Sha256(variablesJson);
        OperationName = operationName;
    }

    /// <summary>A refusal or error answer: its code (the first counts) and whether it is the server's fault.</summary>
    public void Failed(string code, bool serverFault = false, bool nothingReturned = false)
    {
        ErrorCode ??= code;
        Faulted |= serverFault;
        NothingReturned |= nothingReturned;
    }

    /// <summary>
    /// A refusal past the rate beyond the window's logged ones (<see cref="Infrastructure.Http.Limits.LimitRefusal"/>):
    /// answered without an entry.
    /// </summary>
    public bool Unlogged { get; set; }

    /// <summary>
    /// The operation that runs: named by the request, or else by the document's one operation (a client that sends
    /// <c>query Named { … }</c> without <c>operationName</c> ran "Named", and the log said nothing).
    /// </summary>
    public void Runs(GraphQLParser.AST.GraphQLOperationDefinition? operation) =>
        OperationName ??= operation?.Name?.StringValue;

    /// <summary>The executed (or validation-failed) answer: its first error, whether any is a server fault.</summary>
    public void Answered(GraphQL.ExecutionResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        foreach (var error in result.Errors ?? [])
        {
            Failed(error.Code ?? "ERROR", error.Code == Schema.ErrorCodes.InternalError, !result.Executed);
        }

        // An error in a non-null root field nulls the whole answer: the enterprises its resolvers noted on the way
        // were never delivered ("asked for and got nothing" does not count).
        if (result.Executed && result.Data is null)
        {
            NothingReturned = true;
        }
    }

    /// <summary>
    /// The writes this request committed (operation and idempotency key), for a refusal after the fact: a caller
    /// told 503 "no answer" took a recorded write for a failed one.
    /// </summary>
    public IReadOnlyList<(string Operation, string IdempotencyKey)> CommittedWrites
    {
        get
        {
            lock (_lock)
            {
                return _writes is null ? [] : [.. _writes.Select(w => (w.Operation, w.Key))];
            }
        }
    }

    /// <summary>
    /// The <see cref="UnloggedWrites.UnloggedWrite"/> rows of the writes this request committed: the transaction that
    /// stores its entry deletes them.
    /// </summary>
    public IReadOnlyList<long> UnloggedWriteIds
    {
        get
        {
            // Most requests write nothing: no lock, no list on the read path.
            if (Volatile.Read(ref _writes) is null)
            {
                return [];
            }

            lock (_lock)
            {
                return _writes is null ? [] : [.. _writes.Select(w => w.Unlogged)];
            }
        }
    }

    /// <summary>A write of this request was committed, with its <see cref="UnloggedWrites.UnloggedWrite"/> row.
    /// </summary>
    public void Committed(string operation, string idempotencyKey, long unloggedWriteId)
    {
        lock (_lock)
        {
            (_writes ??= []).Add((operation, idempotencyKey, unloggedWriteId));
        }
    }

    /// <summary>
    /// What this request's entry would say, as far as it is known when a write commits: kept in the write's
    /// transaction until the entry itself is stored.
    /// </summary>
    public UnloggedWrites.UnloggedWrite UnloggedWrite(string operation, string idempotencyKey, DateTime committedUtc) =>
        new()
        {
            AtUtc = StartedUtc,
            CommittedAtUtc = committedUtc,
            RequestId = AccessLogging.Cap(RequestId) ?? "",
            Department = AccessLogging.Cap(Department),
            Subject = AccessLogging.Cap(Subject),
            ClientAddress = AccessLogging.Cap(ClientAddress),
            OperationName = AccessLogging.Cap(OperationName),
            DocumentSha256 = DocumentSha256,
            VariablesSha256 = VariablesSha256,
            Purpose = Purpose,
            Operation = operation,
            IdempotencyKey = idempotencyKey,
        };

    /// <summary>
    /// What a refusal answered after this request's writes committed must tell: that they are recorded, and how to
    /// get their answers, after a space. Empty when it wrote nothing. A few are named
    /// (<see cref="Recording.RecordedWritesSentence.MaxNamed"/>); every one is in <c>extensions.recordedWrites</c>
    /// (<see cref="WriteCommittedWrites"/>).
    /// </summary>
    public string CommittedWritesSentence() =>
        Recording.RecordedWritesSentence.For(CommittedWrites, "before this happened") is { Length: > 0 } sentence
            ? " " + sentence
            : "";

    /// <summary>
    /// <c>recordedWrites</c>: every write this request committed, <c>{ operation, idempotencyKey }</c>, for a
    /// client to resend them without reading the message. Nothing when it wrote nothing.
    /// </summary>
    public void WriteCommittedWrites(System.Text.Json.Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var writes = CommittedWrites;
        if (writes.Count == 0)
        {
            return;
        }

        writer.WriteStartArray("recordedWrites");
        foreach (var (operation, key) in writes)
        {
            writer.WriteStartObject();
            writer.WriteString("operation", operation);
            writer.WriteString("idempotencyKey", key);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    /// <summary>A resolver answered a field of this group.</summary>
    public void Touched(FieldGroup group)
    {
        var bit = 1 << (int)group;
        if ((Volatile.Read(ref _groups) & bit) == 0)
        {
            Interlocked.Or(ref _groups, bit);
        }
    }

    /// <summary>A resolver answered data of the enterprise with this code.</summary>
    public void Returned(string creditCode)
    {
        if (ReferenceEquals(Volatile.Read(ref _lastCode), creditCode))
        {
            return;
        }

        lock (_lock)
        {
            _codes.Add(creditCode);
            Volatile.Write(ref _lastCode, creditCode);
        }
    }

    // The groups of the fields answered: none when the answer was dropped (a timeout, an event the rate stopped).
    public IReadOnlyCollection<FieldGroup> Groups => NothingReturned
        ? []
        : Enum.GetValues<FieldGroup>().Where(g => g != FieldGroup.Structure && (_groups & (1 << (int)g)) != 0)
            .ToList();

    public IReadOnlyCollection<string> Codes
    {
        get
        {
            lock (_lock)
            {
                return NothingReturned ? [] : _codes.ToList();
            }
        }
    }

    /// <summary>
    /// For a subscription, whose one execution delivers many events: a trace of what was returned since the last
    /// call (codes and field groups, which this trace then forgets), with this one's caller and document.
    /// </summary>
    public AccessTrace TakeEvent(DateTime startedUtc, long startedTimestamp)
    {
        var taken = new AccessTrace(startedUtc, startedTimestamp)
        {
            Audience = Audience, Purpose = Purpose, OperationName = OperationName, DocumentSha256 = DocumentSha256,
            VariablesSha256 = VariablesSha256,
        };
        lock (_lock)
        {
            taken._codes.UnionWith(_codes);
            _codes.Clear();
            Volatile.Write(ref _lastCode, null);
        }

        taken._groups = Interlocked.Exchange(ref _groups, 0);
        return taken;
    }

    // The document's and the variables' hashes, per request: encoded into a pooled buffer rather than a new array.
    private static string Sha256(string text)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetByteCount(text));
        try
        {
            Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
            SHA256.HashData(buffer.AsSpan(0, Encoding.UTF8.GetBytes(text, buffer)), digest);
            return Convert.ToHexStringLower(digest);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
