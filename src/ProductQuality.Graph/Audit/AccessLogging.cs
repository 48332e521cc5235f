using System.Diagnostics;
using Microsoft.Extensions.Options;
using Microsoft.IO;
using ProductQuality.Graph.Data;
using ProductQuality.Graph.Infrastructure;
using ProductQuality.Graph.Infrastructure.Http;

namespace ProductQuality.Graph.Audit;

/// <summary>
/// Wraps the GraphQL endpoint: the answer is held back (buffered) until the request's entry is durably in the log,
/// so no caller receives data that is not accounted for. If the entry cannot be written the answer is replaced by
/// 503 ACCESS_LOG_UNAVAILABLE (fail closed), unless <see cref="AccessLogOptions.FailOpen"/> says to answer anyway.
/// </summary>
public sealed class AccessLogging(AccessLogWriter writer, IOptions<AccessLogOptions> options, TimeProvider time,
    RecyclableMemoryStreamManager buffers, ILogger<AccessLogging> logger)
{
    public const string UnavailableCode = "ACCESS_LOG_UNAVAILABLE";
    private const int MaxText = 256;

    public bool Enabled => options.Value.Enabled;

    /// <summary>
    /// The pool the held answers are written to. A plain MemoryStream doubles its array while a page of 100
    /// enterprises (about 100 KB) is written, so every such answer allocated twice its size, the last arrays on the
    /// large object heap. Pooled blocks of 32 KB stay off that heap; at most 64 MB of free blocks are kept.
    /// </summary>
    public static RecyclableMemoryStreamManager AnswerBuffers() => new(new RecyclableMemoryStreamManager.Options
    {
        BlockSize = 32 * 1024,
        LargeBufferMultiple = 1024 * 1024,
        MaximumBufferSize = 16 * 1024 * 1024,
        MaximumSmallPoolFreeBytes = 64 * 1024 * 1024,
        MaximumLargePoolFreeBytes = 64 * 1024 * 1024,
    });

    /// <summary>Now, as entries record it (to the microsecond).</summary>
    public DateTime Now => AccessChain.Truncate(time.GetUtcNow().UtcDateTime);

    public async Task RunAsync(HttpContext http, Func<HttpContext, Task> endpoint)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(endpoint);
        if (!Enabled)
        {
            await endpoint(http);
            return;
        }

        var trace = new AccessTrace(AccessChain.Truncate(time.GetUtcNow().UtcDateTime), Stopwatch.GetTimestamp())
        {
            RequestId = http.TraceIdentifier, ClientAddress = http.Connection.RemoteIpAddress?.ToString(),
        };
        http.Features.Set(trace);

        // Read now, so refusals before the policy check (a bad token, a malformed body) keep the purpose too.
        trace.Purpose = PurposeHeader.Read(http.Request).Purpose;
        var body = http.Response.Body;
        await using var buffer = buffers.GetStream("access-log answer");
        http.Response.Body = buffer;
        try
        {
            await endpoint(http);
        }
        finally
        {
            http.Response.Body = body;
        }

        // A HEAD runs as its GET and is logged as it: its body went nowhere, but its headers (the exact length, the
        // receipt's digest) are computed from the data and tell a caller which answer it was — one byte told
        // "blacklisted" from not, unlogged, when a HEAD was recorded as delivering nothing.

        // Gone before its answer was sent, and not refused: no 200 "OK". What ran for it stays recorded — the groups
        // and codes it read, a write it committed — since the log accounts for what the server did. A refusal
        // decided before the caller left (a bad token) is logged as that refusal.
        var status = http.Response.StatusCode;
        if (http.RequestAborted.IsCancellationRequested && trace.ErrorCode is null)
        {
            trace.Failed(AccessOutcomes.ClientClosedCode);
            status = AccessOutcomes.ClientClosedRequest;
        }

        try
        {
            if (!trace.Unlogged)
            {
                // Counted from the request's start, not from now: a full commit wait after the execution timeout
                // held requests through a frozen database for 25 s.
                await writer.AppendAsync(EntryOf(http, trace, http.TraceIdentifier, status),
                    AccessLogWriter.CommitWaitAfter(Stopwatch.GetElapsedTime(trace.StartedTimestamp)));
            }
        }
#pragma warning disable CA1031 // Any failure to store the entry is answered (fail closed) or logged (fail open).
        catch (Exception ex) when (!options.Value.FailOpen)
        {
            // A line now and then while the database is out, not a stack trace for every request.
            logger.LogDatabaseFailure(ex, "access-log refusal",
                "Request refused: its access log entry could not be stored", http.TraceIdentifier);

            http.Response.Clear();
            http.Response.Headers.RetryAfter = DatabaseOutage.RetryAfterHeader;
            await TransportErrorWriter.WriteAsync(http, new RequestError(StatusCodes.Status503ServiceUnavailable,
                    UnavailableCode, "The access log cannot be written just now, and no answer is given that is not "
                    + $"logged. Retry after {DatabaseOutage.RetryAfterSeconds} s." + trace.CommittedWritesSentence()),
                MediaTypes.Negotiate(http.Request) ?? MediaTypes.Json, moreExtensions: trace.WriteCommittedWrites);
            return;
        }
        catch (Exception ex)
        {
            logger.LogDatabaseFailure(ex, "access-log fail-open",
                "Request answered WITHOUT an access log entry (AccessLog:FailOpen)", http.TraceIdentifier);
        }
#pragma warning restore CA1031

        if (buffer.Length > 0)
        {
            http.Response.ContentLength = buffer.Length;
            buffer.Position = 0;
            await buffer.CopyToAsync(body, http.RequestAborted);
        }
    }

    /// <summary>A trace for one operation over WebSocket, started now; null when the log is off.</summary>
    public AccessTrace? Begin(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        return Enabled
            ? new AccessTrace(AccessChain.Truncate(time.GetUtcNow().UtcDateTime), Stopwatch.GetTimestamp())
            {
                Purpose = PurposeHeader.Read(http.Request).Purpose,
                RequestId = http.TraceIdentifier,
                ClientAddress = http.Connection.RemoteIpAddress?.ToString(),
            }
            : null;
    }

    /// <summary>
    /// Stores the entry of a WebSocket operation's start, refusal, answer or event (id: the connection's request id
    /// and the operation's), before its message is sent. False when it could not be stored and the log fails closed:
    /// the caller must then send no data. <paramref name="outcome"/>: for a status that is no HTTP status (a close
    /// code), the outcome the same refusal has over HTTP.
    /// </summary>
    public async Task<bool> RecordAsync(
        HttpContext http, AccessTrace? trace, string requestId, int status, AccessOutcome? outcome = null)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (trace is null or { Unlogged: true })
        {
            return true;
        }

        try
        {
            await writer.AppendAsync(EntryOf(http, trace, requestId, status, outcome));
            return true;
        }
#pragma warning disable CA1031 // Any failure to store the entry is refused (fail closed) or logged (fail open).
        catch (Exception ex)
        {
            logger.LogDatabaseFailure(ex, "access-log websocket",
                "WebSocket operation: its access log entry could not be stored", requestId);
            return options.Value.FailOpen;
        }
#pragma warning restore CA1031
    }

    private static AccessLogEntry EntryOf(
        HttpContext http, AccessTrace trace, string requestId, int status, AccessOutcome? outcome = null)
    {
        var codes = trace.Codes;
        var entry = new AccessLogEntry
        {
            AtUtc = trace.StartedUtc,
            RequestId = Cap(requestId) ?? "",
            Department = Cap(trace.Department),
            Subject = Cap(trace.Subject),
            ClientAddress = Cap(http.Connection.RemoteIpAddress?.ToString()),
            OperationName = Cap(trace.OperationName),
            DocumentSha256 = trace.DocumentSha256,
            VariablesSha256 = trace.VariablesSha256,
            FieldGroups = string.Join(',', trace.Groups),
            Purpose = trace.Purpose,
            Outcome = outcome ?? AccessOutcomes.Of(status, trace.ErrorCode, trace.Faulted),
            Status = status,
            ErrorCode = Cap(trace.ErrorCode),
            DurationMicroseconds = (long)Stopwatch.GetElapsedTime(trace.StartedTimestamp).TotalMicroseconds,
            CodeCount = codes.Count,
            Codes = codes.Select(c => new AccessLogCode { CreditCode = c }).ToList(),
            SettlesUnloggedWrites = trace.UnloggedWriteIds,
        };
        entry.PrecomputedContentHash = AccessChain.ContentHash(entry, codes);
        return entry;
    }

    /// <summary>
    /// Text from the caller as a log column holds it on every provider (<see cref="StoredText.Fit"/>, 256
    /// characters): an operation name with NUL, or one cut through an emoji, made the store refuse its entry, and
    /// with it the whole batch: 503 for everyone.
    /// </summary>
    internal static string? Cap(string? text) => StoredText.Fit(text, MaxText);
}
