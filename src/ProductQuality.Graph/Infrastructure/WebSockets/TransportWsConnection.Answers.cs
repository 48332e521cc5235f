using System.Diagnostics;
using System.Text.Json;
using GraphQL;
using ProductQuality.Graph.Audit;
using ProductQuality.Graph.Infrastructure.Http.Limits;

namespace ProductQuality.Graph.Infrastructure.WebSockets;

/// <summary>
/// What the connection sends of its operations: each event after its access log entry and within the rate, a
/// query's result, the end of an operation (<c>complete</c> or <c>error</c>), and refusals before a start.
/// </summary>
internal sealed partial class TransportWsConnection
{
    // One access log entry per operation and per event: the connection's request id and the operation's id.
    /// <summary>A result of the operation, its errors carrying the operation's request id as its log entry does.
    /// </summary>
    private string Serialize(string id, ExecutionResult result) =>
        Schema.OperationRequestId.While(RequestId(id), () => serializer.Serialize(result));

    private string RequestId(string id) => $"{http.TraceIdentifier}:{Quoted.Start(id)}";

    /// <summary>
    /// An event is sent only once its access log entry is stored (what was returned, to whom), and it counts against
    /// the caller's request rate as a request would: otherwise one subscription from an old cursor replays the whole
    /// feed — an answer and a log entry an event — for the price of one request. An event logged is sent: the
    /// client's <c>complete</c> waits for it (<see cref="Operation.EndAsync"/>); one it has overtaken is neither.
    /// </summary>
    private async Task SendEventAsync(string id, Operation operation, ExecutionResult result) =>
        await DeliverAsync(id, operation, async () =>
        {
            // Taken whether the event is sent or not, so the next event's entry holds only its own data.
            var trace = operation.Trace?.TakeEvent(_log.Now, Stopwatch.GetTimestamp());
            if (_limits.CheckRate(http, _audience!) is { } limited)
            {
                await EndRateLimitedAsync(id, operation, trace, limited);
                return false;
            }

            trace?.Answered(result);
            if (await _log.RecordAsync(http, trace, RequestId(id), StatusCodes.Status200OK))
            {
                // Not IsLive again: a complete now waiting has removed the operation, and this event is logged.
                await SendAsync(NextMessage(id, result));
            }
            else
            {
                await RefuseUnloggedAsync(id, operation);
            }

            return false;
        });

    /// <summary>
    /// Runs one delivery of an operation its client has not completed, under the operation's delivery lock and only
    /// while it has not ended: its events and its end go out one at a time, in order. Returns what the delivery
    /// returned (whether to complete the operation after the lock is released), false when it did not run.
    /// </summary>
    private async Task<bool> DeliverAsync(string id, Operation operation, Func<Task<bool>> delivery)
    {
        if (!IsLive(id, operation))
        {
            return false;
        }

        await operation.Delivering.WaitAsync(_closing.Token);
        try
        {
            return !operation.Ended && await delivery();
        }
        finally
        {
            operation.Delivering.Release();
        }
    }

    /// <summary>
    /// The event is not sent; the subscription ends with the wait, and resumes from the last cursor received. Its
    /// entry says so: LIMITED, with none of the codes and field groups its resolvers noted (nobody received them).
    /// </summary>
    private async Task EndRateLimitedAsync(string id, Operation operation, AccessTrace? trace, LimitRefusal limited)
    {
        if (TryEnd(id, operation))
        {
            trace?.Failed(limited.Code, nothingReturned: true);
            if (!await _log.RecordAsync(http, trace, RequestId(id), limited.Status))
            {
                await SendAsync(UnloggedMessage(id, operation.Trace));
                return;
            }

            var wait = DepartmentRateLimiter.RetryAfterHeader(limited);
            await SendAsync(ErrorMessage(id, OperationStart.Refused(limited with
            {
                Message = $"{limited.Message} Each event pushed counts as a request, so this subscription has ended "
                    + $"before the event that went past the rate: subscribe again after {wait} s with the cursor of "
                    + "the last event you received. To catch up on many events, page the changes query (up to 500 a "
                    + "request) first.",
            })));
        }
    }

    /// <summary>
    /// A subscription its source stopped (the database went away, a server fault) ends with that error, logged as an
    /// HTTP request's error is: sent unlogged, the log showed the subscription's start and events and never its end.
    /// </summary>
    private async Task EndStoppedAsync(string id, Operation operation, ExecutionError error)
    {
        var sent = await DeliverAsync(id, operation, async () =>
        {
            var unavailable = error.Code == Schema.ErrorCodes.DatabaseUnavailable;
            var trace = operation.Trace?.TakeEvent(_log.Now, Stopwatch.GetTimestamp());
            trace?.Failed(error.Code ?? Schema.ErrorCodes.InternalError, serverFault: !unavailable,
                nothingReturned: true);
            if (!await _log.RecordAsync(http, trace, RequestId(id),
                    unavailable ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status500InternalServerError))
            {
                await RefuseUnloggedAsync(id, operation);
                return false;
            }

            await SendAsync(NextMessage(id, new ExecutionResult { Errors = [error] }));
            return true;
        });
        if (sent)
        {
            await CompleteAsync(id, operation);
        }
    }

    // Fail closed, as over HTTP: no data leaves without its entry; the operation ends with the log's error code.
    private async Task RefuseUnloggedAsync(string id, Operation operation)
    {
        if (TryEnd(id, operation))
        {
            await SendAsync(UnloggedMessage(id, operation.Trace));
        }
    }

    // In place of whatever the operation would have been told, refusals included: over HTTP too a refusal whose
    // entry cannot be stored is answered 503 ACCESS_LOG_UNAVAILABLE (a refusal sent unlogged left no trace at all).
    private string UnloggedMessage(string id, AccessTrace? trace) =>
        ErrorMessage(id, OperationStart.Refused(AccessLogging.UnavailableCode,
            "The access log cannot be written just now, and no answer is given that is not logged. Send it again "
            + "shortly (a subscription from the last cursor you received)." + trace?.CommittedWritesSentence()));

    private string NextMessage(string id, ExecutionResult result) =>
        $"{{\"id\":{JsonSerializer.Serialize(id)},\"type\":\"next\",\"payload\":" + Serialize(id, result) + "}";

    private async Task CompleteAsync(string id, Operation operation)
    {
        if (TryEnd(id, operation))
        {
            await SendAsync($"{{\"id\":{JsonSerializer.Serialize(id)},\"type\":\"complete\"}}");
        }
    }

    /// <summary>
    /// An operation refused before it starts is a request refused, as over HTTP: it counts against the caller's rate
    /// (the refusal is the rate's once that is used up) and leaves its entry. A probe's 3,000 subscribes past the
    /// connection's operations wrote none and were never limited.
    /// </summary>
    private async Task RefuseOperationAsync(string id, JsonElement? payload, LimitRefusal refusal)
    {
        if (_log.Begin(http) is { } trace)
        {
            trace.Audience = _audience;
            trace.Unlogged = refusal.Unlogged;
            runner.Note(payload, trace);
            trace.Failed(refusal.Code, nothingReturned: true);
            if (!await _log.RecordAsync(http, trace, RequestId(id), refusal.Status,
                AccessOutcomes.Of(refusal.Status, refusal.Code, faulted: false)))
            {
                await SendAsync(UnloggedMessage(id, trace));
                return;
            }
        }

        await SendAsync(ErrorMessage(id, OperationStart.Refused(refusal)));
    }

    private string ErrorMessage(string id, OperationStart start)
    {
        string errors;
        if (start.Code is not null)
        {
            // The code, the limit's numbers, and the id the access log keeps the operation under, as HTTP errors do.
            var extensions = new Dictionary<string, object> { ["code"] = start.Code };
            foreach (var (name, value) in start.Facts ?? [])
            {
                extensions[name] = value;
            }

            extensions["requestId"] = RequestId(id);
            errors = JsonSerializer.Serialize(new[] { new { message = start.Message, extensions } });
        }
        else
        {
            using var result = JsonDocument.Parse(Serialize(id, start.Result!));
            errors = result.RootElement.GetProperty("errors").GetRawText();
        }

        return $"{{\"id\":{JsonSerializer.Serialize(id)},\"type\":\"error\",\"payload\":{errors}}}";
    }
}
