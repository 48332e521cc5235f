using GraphQL;
using GraphQL.Execution;
using GraphQL.Types;
using GraphQLParser.AST;
using Microsoft.Extensions.Options;
using ProductQuality.Graph.Access;
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
    CountedLists counted)
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
    /// True (after answering 400 QUERY_TIMEOUT) when GraphQL.NET stopped the operation at <see cref="Timeout"/>: it
    /// then drops any partial result, so the answer is a refusal with what to do rather than a half-filled page.
    /// </summary>
    public async Task<bool> RefuseTimedOutAsync(HttpContext context, ExecutionResult result, TimeSpan elapsed,
        string mediaType, Audience audience, bool isWrite = false)
    {
        if (CheckTimedOut(result, elapsed, isWrite, RequestTelemetry.Of(context)?.Cost, audience) is not { } refusal)
        {
            return false;
        }

        await LimitRefusalWriter.WriteAsync(context, refusal, mediaType);
        return true;
    }

    /// <summary>The timeout check without an HTTP answer (a query over WebSocket): QUERY_TIMEOUT, as over HTTP.
    /// </summary>
    /// <param name="isWrite">A mutation: it may have waited its turn behind other writes or a recompute batch, and
    /// the remedy is to send it again with its idempotency key, not to ask for smaller pages.</param>
    /// <param name="cost">The operation's estimated cost, when it was estimated.</param>
    /// <param name="audience">The caller, whose cost budget tells a small query from a large one.</param>
    public LimitRefusal? CheckTimedOut(ExecutionResult result, TimeSpan elapsed, bool isWrite = false,
        long? cost = null, Audience? audience = null)
    {
        // The deadline can surface as GraphQL.NET's TimeoutError or, when a data loader was cancelled first, as a
        // field error: an execution that failed after running to the deadline is answered as the timeout it was.
        var timedOut = result.Errors?.Any(e => e is TimeoutError) == true
            || (result.Errors is { Count: > 0 } && elapsed >= Timeout);
        var message = isWrite
            ? $"The write did not finish within {_options.ExecutionTimeoutMs} ms and was stopped (writes run one at a "
                + "time and wait for a re-evaluation batch in progress). Send it again with the same idempotencyKey: "
                + "a write that was recorded after all answers replayed: true, and none is recorded twice."
            : IsSmall(cost, audience, out var budget)
            ? $"The query did not finish within {_options.ExecutionTimeoutMs} ms and was stopped, although it is "
                + $"small (estimated {cost:N0} {(cost == 1 ? "row" : "rows")} of the {budget:N0} allowed): most "
                + "likely the server or its database was slow just now. Retry after a few seconds; if the same query "
                + "times out again, it is dearer than its estimate: ask for less meanwhile, and tell the bureau the "
                + "time and the request id."
            : $"The query did not finish within {_options.ExecutionTimeoutMs} ms and was stopped. Ask for smaller "
                + "pages or fewer nested lists, or split it into several requests.";
        return timedOut
            ? LimitRefusal.BadRequest("QUERY_TIMEOUT", message, "timeoutMs", _options.ExecutionTimeoutMs,
                _options.ExecutionTimeoutMs)
            : null;
    }

    /// <summary>
    /// A query within a tenth of its caller's cost budget: the budget is set so that one within it finishes well
    /// inside the timeout, so such a query stopped at the deadline was held up by the server or its database (a
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
