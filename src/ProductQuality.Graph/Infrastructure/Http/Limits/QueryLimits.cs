using GraphQL;
using GraphQL.Execution;
using GraphQL.Types;
using GraphQLParser.AST;
using Microsoft.Extensions.Options;
using ProductQuality.Graph.Access;
using ProductQuality.Graph.Data;
using ProductQuality.Graph.Operations.Telemetry;

namespace ProductQuality.Graph.Infrastructure.Http.Limits;

/// <summary>
/// What keeps one request from tying up the server, as the endpoint uses it: the department's request rate and
/// requests at once, the document checks and cost budget before validation, the execution timeout, and the cap on
/// reported errors.
/// Each refusal is written here, so the endpoint only returns when told to.
/// </summary>
internal sealed class QueryLimits(
    IOptions<QueryLimitsOptions> options,
    IOptions<GraphQLHttpOptions> http,
    UsageLimitsPolicy policy,
    DepartmentRateLimiter rates,
    DepartmentConcurrencyLimiter concurrency,
    CountedLists counted,
    DatabaseProbe probe)
{
    private readonly QueryLimitsOptions _options = options.Value;
    private readonly DocumentLimits _documents = new(options.Value, http.Value.MaxPageSize, counted);

    /// <summary>The execution timeout GraphQL.NET applies (it cancels the resolvers' database work).</summary>
    public TimeSpan Timeout => _options.Enabled
        ? TimeSpan.FromMilliseconds(_options.ExecutionTimeoutMs)
        : System.Threading.Timeout.InfiniteTimeSpan;

    /// <summary>True (after answering 429 with Retry-After) when the caller has used up its request rate.</summary>
    public async Task<bool> RefuseRateAsync(HttpContext context, Audience audience, string mediaType)
    {
        if (!_options.Enabled || rates.TryAcquire(context, audience) is not { } refusal)
        {
            return false;
        }

        context.Response.Headers.RetryAfter = DepartmentRateLimiter.RetryAfterHeader(refusal);
        await LimitRefusalWriter.WriteAsync(context, refusal, mediaType);
        return true;
    }

    /// <summary>
    /// The caller's place among its requests executing at once, held until the answer is written; null (after
    /// answering 429 with Retry-After) when it has too many running and waiting already.
    /// </summary>
    public async Task<IDisposable?> EnterAsync(HttpContext context, Audience audience, string mediaType)
    {
        var (place, refusal) = await TakePlaceAsync(context, audience, context.RequestAborted);
        if (refusal is null)
        {
            return place;
        }

        context.Response.Headers.RetryAfter = DepartmentRateLimiter.RetryAfterHeader(refusal);
        await LimitRefusalWriter.WriteAsync(context, refusal, mediaType);
        return null;
    }

    /// <summary>The same without an HTTP answer (a query over WebSocket); with the limits off, always a place.
    /// </summary>
    public ValueTask<(IDisposable? Place, LimitRefusal? Refusal)> TakePlaceAsync(
        HttpContext context, Audience audience, CancellationToken cancel) =>
        _options.Enabled
            ? concurrency.EnterAsync(context, audience, Timeout, cancel)
            : ValueTask.FromResult<(IDisposable?, LimitRefusal?)>((NoPlace.Instance, null));

    /// <summary>
    /// Answers a request refused before its caller is known: with <paramref name="error"/>, or with 429 when its
    /// address has used up the public's rate (see <see cref="DepartmentRateLimiter.TryAcquireUnidentified"/>).
    /// </summary>
    public async Task RefuseUnidentifiedAsync(HttpContext context, RequestError error, string mediaType)
    {
        if (_options.Enabled && rates.TryAcquireUnidentified(context) is { } refusal)
        {
            context.Response.Headers.Remove("WWW-Authenticate");   // not a challenge any more: wait, then try again
            context.Response.Headers.RetryAfter = DepartmentRateLimiter.RetryAfterHeader(refusal);
            await LimitRefusalWriter.WriteAsync(context, refusal, mediaType);
            return;
        }

        await TransportErrorWriter.WriteAsync(context, error, mediaType);
    }

    /// <summary>
    /// The address's public rate taken for a refusal before the caller is known, without an HTTP answer (a WebSocket
    /// connection whose token was refused): the refusal when the address has used the rate up.
    /// </summary>
    public LimitRefusal? CheckUnidentified(HttpContext context) =>
        _options.Enabled ? rates.TryAcquireUnidentified(context) : null;

    /// <summary>The request-rate check without an HTTP answer (each WebSocket operation counts as a request).</summary>
    public LimitRefusal? CheckRate(HttpContext context, Audience audience) =>
        _options.Enabled ? rates.TryAcquire(context, audience) : null;

    /// <summary>True (after answering 400) when the document is too large or its operation too costly.</summary>
    public async Task<bool> RefuseDocumentAsync(HttpContext context, GraphQLDocument document, string? operationName,
        Inputs? variables, ISchema schema, Audience audience, string mediaType)
    {
        var refusal = CheckDocument(document, operationName, variables, schema, audience, out var cost);
        if (RequestTelemetry.Of(context) is { } telemetry)
        {
            telemetry.Cost = cost;
        }

        if (refusal is null)
        {
            return false;
        }

        await LimitRefusalWriter.WriteAsync(context, refusal, mediaType);
        return true;
    }

    /// <summary>The document checks and cost budget without an HTTP answer (for WebSocket operations).</summary>
    public LimitRefusal? CheckDocument(GraphQLDocument document, string? operationName, Inputs? variables,
        ISchema schema, Audience audience, out long? cost)
    {
        cost = null;
        return _options.Enabled
            ? _documents.Check(document, operationName, variables, schema, audience, policy.For(audience), out cost)
            : null;
    }

    /// <summary>
    /// True (after answering) when GraphQL.NET stopped the operation at <see cref="Timeout"/>: it then drops any
    /// partial result, so the answer is a refusal with what to do rather than a half-filled page. 400 QUERY_TIMEOUT,
    /// or 503 DATABASE_UNAVAILABLE with Retry-After when the database, not the request, held it up.
    /// </summary>
    public async Task<bool> RefuseTimedOutAsync(HttpContext context, ExecutionResult result, TimeSpan elapsed,
        string mediaType, Audience audience, DatabaseWaits? waits, bool isWrite = false)
    {
        if (await CheckTimedOutAsync(result, elapsed, waits, isWrite, RequestTelemetry.Of(context)?.Cost, audience)
            is not { } refusal)
        {
            return false;
        }

        if (refusal.Status == StatusCodes.Status503ServiceUnavailable)
        {
            context.Response.Headers.RetryAfter = DatabaseOutage.RetryAfterHeader;
        }

        await LimitRefusalWriter.WriteAsync(context, refusal, mediaType);
        return true;
    }

    /// <summary>
    /// The timeout check without an HTTP answer (a query over WebSocket), as over HTTP: what the operation was
    /// waiting on at the deadline (<paramref name="waits"/>) is judged only when it ran out of time.
    /// </summary>
    public async Task<LimitRefusal?> CheckTimedOutAsync(ExecutionResult result, TimeSpan elapsed,
        DatabaseWaits? waits, bool isWrite, long? cost, Audience audience) =>
        TimedOut(result, elapsed)
            ? CheckTimedOut(result, elapsed, isWrite, cost, audience, await probe.JudgeAsync(waits))
            : null;

    /// <summary>
    /// Whether GraphQL.NET stopped the operation at <see cref="Timeout"/>. The deadline can surface as its
    /// TimeoutError or, when a data loader was cancelled first, as a field error: an execution that failed after
    /// running to the deadline is answered as the timeout it was.
    /// </summary>
    public bool TimedOut(ExecutionResult result, TimeSpan elapsed) =>
        result.Errors?.Any(e => e is TimeoutError) == true || (result.Errors is { Count: > 0 } && elapsed >= Timeout);

    /// <summary>The timeout's refusal once what the operation was waiting on is known.</summary>
    /// <param name="isWrite">A mutation: it may have waited its turn behind other writes or a recompute batch, and
    /// the remedy is to send it again with its idempotency key, not to ask for smaller pages.</param>
    /// <param name="cost">The operation's estimated cost, when it was estimated.</param>
    /// <param name="audience">The caller, whose cost budget tells a small query from a large one.</param>
    /// <param name="wait">What it was waiting on at the deadline (<see cref="DatabaseProbe.JudgeAsync"/>).</param>
    public LimitRefusal? CheckTimedOut(ExecutionResult result, TimeSpan elapsed, bool isWrite = false,
        long? cost = null, Audience? audience = null, DatabaseWait wait = DatabaseWait.None)
    {
        if (!TimedOut(result, elapsed))
        {
            return null;
        }

        if (wait is DatabaseWait.Unanswered or DatabaseWait.LockedElsewhere)
        {
            return DatabaseHeldUp(isWrite, wait == DatabaseWait.LockedElsewhere);
        }

        var within = _options.ExecutionTimeoutMs;
        var small = IsSmall(cost, audience, out var budget);
        var estimate = $"estimated {cost:N0} {(cost == 1 ? "row" : "rows")} of the {budget:N0} allowed";
        const string AskForLess = "ask for less (fewer aliased or nested fields, smaller pages) or split it into "
            + "several requests";
        var message = isWrite
            ? $"The write did not finish within {within} ms and was stopped (writes run one at a "
                + "time and wait for a re-evaluation batch in progress). Send it again with the same idempotencyKey: "
                + "a write that was recorded after all answers replayed: true, and none is recorded twice."
            // The database answered a probe at once: the time went in this request's own statements. Sent again, it
            // takes as long (200 aliases of a count the estimate prices at one row each were told to retry).
            : wait == DatabaseWait.OwnStatements && small
            ? $"The query did not finish within {within} ms and was stopped while the database was still working on "
                + $"its statements, although its estimate is small ({estimate}); the database itself answered at "
                + "once. Its statements cost more than the estimate counts: do not send it again as it is; "
                + $"{AskForLess}. If a much smaller request is stopped the same way, tell the bureau the time and the "
                + "request id."
            // No database call under way: the server's own work, which load from others slows as much as a query
            // dearer than its estimate. Neither can be told from here, so each is named with its remedy.
            : small
            ? $"The query did not finish within {within} ms and was stopped, although it is small ({estimate}) and "
                + "was not waiting for the database. Either the server was busy with other requests just then: sent "
                + "once more after a few seconds, it succeeds. Or its work is more than its estimate counts: then it "
                + $"times out again, and must not be repeated; {AskForLess}, and tell the bureau the time and the "
                + "request id."
            : $"The query did not finish within {within} ms and was stopped. Ask for smaller "
                + "pages or fewer nested lists, or split it into several requests.";
        return LimitRefusal.BadRequest("QUERY_TIMEOUT", message, "timeoutMs", within, within);
    }

    /// <summary>
    /// Stopped while the database did not answer (a connection not had in time, a statement and a probe beside it
    /// unanswered), or while it waited for a lock another session holds (psql's LOCK TABLE, another process's
    /// BEGIN EXCLUSIVE on the SQLite file): not the request's fault, answered as an outage is, with a time to retry.
    /// </summary>
    private LimitRefusal DatabaseHeldUp(bool isWrite, bool locked) => new(StatusCodes.Status503ServiceUnavailable,
        Schema.ErrorCodes.DatabaseUnavailable,
        (locked
            ? "Another session holds a lock on the data this request needs (not a request of this server), so it "
                + $"waited until the {_options.ExecutionTimeoutMs} ms ran out and was stopped; the request itself is "
                + "fine. "
            : $"The database did not answer within {_options.ExecutionTimeoutMs} ms, so the request was stopped; the "
                + "request itself is fine. ")
            + (isWrite
                ? $"Send it again after {DatabaseOutage.RetryAfterSeconds} s with the same idempotencyKey: a write "
                    + "that was recorded after all answers replayed: true, and none is recorded twice."
                : $"Retry after {DatabaseOutage.RetryAfterSeconds} s.")
            + " If this persists, report the request id to the bureau.",
        [new("retryAfterSeconds", DatabaseOutage.RetryAfterSeconds), new("timeoutMs", _options.ExecutionTimeoutMs)]);

    /// <summary>
    /// A query within a tenth of its caller's cost budget: the budget is set so that one within it finishes well
    /// inside the timeout, so such a query stopped at the deadline was held up, or costs more than its estimate (a
    /// stalled database told every small query to "ask for smaller pages").
    /// </summary>
    private bool IsSmall(long? cost, Audience? audience, out int budget)
    {
        budget = audience is null ? 0 : policy.For(audience).MaxCost;
        return cost is { } rows && budget > 0 && rows * 10 <= budget;
    }

    /// <summary>
    /// Keeps the first errors and sums up the rest in one last error: a response of thousands of errors helps
    /// nobody and costs memory and bandwidth. (The document checks already bound how many validation can find.)
    /// </summary>
    public void CapErrors(ExecutionResult result)
    {
        if (result.Errors is not { } errors || errors.Count <= _options.MaxErrors)
        {
            return;
        }

        var capped = new ExecutionErrors();
        capped.AddRange(errors.Take(_options.MaxErrors));
        capped.Add(new Schema.DomainException("TOO_MANY_ERRORS",
            $"{errors.Count - _options.MaxErrors} more errors were left out; the first {_options.MaxErrors} are " +
            "shown. Fix these and send the request again."));
        result.Errors = capped;
    }

    private sealed class NoPlace : IDisposable
    {
        public static readonly NoPlace Instance = new();

        public void Dispose()
        {
        }
    }
}
