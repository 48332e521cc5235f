using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using ProductQuality.Graph.Access;

namespace ProductQuality.Graph.Infrastructure.Http.Limits;

/// <summary>
/// How many requests of one department (the public: of one address) execute at once, with the framework's
/// partitioned concurrency limiter. The request rate bounds requests a minute, not how many run together: 600 a
/// minute of requests at the cost budget is several cores' worth, and a department that sent them in parallel took
/// the whole server from the others. A request past <see cref="EffectiveLimits.MaxConcurrentRequests"/> waits its
/// turn, oldest first, up to the execution timeout (it would not be allowed to run longer either); past
/// <see cref="EffectiveLimits.MaxQueuedRequests"/> waiting, it is refused at once.
/// </summary>
internal sealed class DepartmentConcurrencyLimiter(UsageLimitsPolicy policy, IOptions<QueryLimitsOptions> options)
    : IDisposable
{
    /// <summary>What a refusal asks the client to wait before sending again: a running request ends within this.
    /// </summary>
    private const long RetryAfterSeconds = 1;

    private readonly PartitionedRateLimiter<Caller> _limiter = PartitionedRateLimiter.Create<Caller, string>(
        caller => RateLimitPartition.GetConcurrencyLimiter(caller.Key, _ => new ConcurrencyLimiterOptions
        {
            PermitLimit = caller.Limits.MaxConcurrentRequests,
            QueueLimit = caller.Limits.MaxQueuedRequests,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        }));

    /// <summary>The server's places, every caller together, taken after the caller's own (so that one department's
    /// burst waits in its own queue, not in everyone's).</summary>
    private readonly ConcurrencyLimiter _server = new(new ConcurrencyLimiterOptions
    {
        PermitLimit = options.Value.MaxConcurrentRequests,
        QueueLimit = options.Value.MaxQueuedRequests,
        QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
    });

    /// <summary>
    /// The caller's place among its running requests, held until the answer is written (dispose it then), or the
    /// 429 refusal when it has too many running and waiting, or waited <paramref name="maxWait"/> in vain.
    /// </summary>
    public async ValueTask<(IDisposable? Place, LimitRefusal? Refusal)> EnterAsync(
        HttpContext http, Audience audience, TimeSpan maxWait, CancellationToken cancel)
    {
        var (key, who) = FairUsePartition.Of(http, audience);
        var limits = policy.For(audience);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        deadline.CancelAfter(maxWait);
        RateLimitLease lease;
        try
        {
            lease = await _limiter.AcquireAsync(new Caller(key, limits), 1, deadline.Token);
        }
        catch (OperationCanceledException)
        {
            // The wait ran out, or the caller left: logged as what happened, not as too many requests.
            return (null, cancel.IsCancellationRequested ? Left : Refusal(who, limits,
                $"it waited {maxWait.TotalSeconds:0.#} s for one of them to finish. Send fewer requests at once"));
        }

        if (lease.IsAcquired)
        {
            return await ServerPlaceAsync(lease, deadline.Token, cancel);
        }

        lease.Dispose();
        return (null, Refusal(who, limits,
            $"{limits.MaxQueuedRequests} more are waiting, the most that may. Wait for answers before sending more"));
    }

    private async ValueTask<(IDisposable? Place, LimitRefusal? Refusal)> ServerPlaceAsync(
        RateLimitLease own, CancellationToken deadline, CancellationToken cancel)
    {
        RateLimitLease? server = null;
        try
        {
            server = await _server.AcquireAsync(1, deadline);
        }
        catch (OperationCanceledException)
        {
            // The wait ran out: answered below as a busy server.
        }

        if (server is { IsAcquired: true })
        {
            return (new Places(own, server), null);
        }

        server?.Dispose();
        own.Dispose();
        if (cancel.IsCancellationRequested)
        {
            return (null, Left);
        }

        var limits = options.Value;
        return (null, Busy(StatusCodes.Status503ServiceUnavailable, "SERVER_BUSY",
            $"The server is busy: {limits.MaxConcurrentRequests} requests of all callers are executing and no place "
            + "came free in time.", limits.MaxConcurrentRequests, limits.MaxQueuedRequests));
    }

    /// <summary>
    /// The caller went away while its request waited for a place: nothing ran and nobody reads this answer; the access
    /// log records it as CANCELLED (it was logged as refused for too many requests, which its leaving caused).
    /// </summary>
    private static readonly LimitRefusal Left = new(Audit.AccessOutcomes.ClientClosedRequest,
        Audit.AccessOutcomes.ClientClosedCode, "The caller went away while the request waited for a place.",
        [new("retryAfterSeconds", RetryAfterSeconds)]);

    private static LimitRefusal Refusal(string who, EffectiveLimits limits, string what) =>
        Busy(StatusCodes.Status429TooManyRequests, "TOO_MANY_CONCURRENT_REQUESTS",
            $"Too many requests at once: {who} may have {limits.MaxConcurrentRequests} executing at a time, and "
            + $"{what} (a bulk field such as enterpriseStatuses or blacklistCheck answers many codes in one request).",
            limits.MaxConcurrentRequests, limits.MaxQueuedRequests);

    /// <summary>A refusal for want of a place: the wait, the places and the queue beside the code.</summary>
    private static LimitRefusal Busy(int status, string code, string message, int places, int queue) =>
        new(status, code, $"{message} Retry after {RetryAfterSeconds} s.",
            [new("retryAfterSeconds", RetryAfterSeconds), new("limit", places), new("queueLimit", queue)]);

    public void Dispose()
    {
        _limiter.Dispose();
        _server.Dispose();
    }

    /// <summary>The caller's place and the server's, given back together.</summary>
    private sealed class Places(RateLimitLease own, RateLimitLease server) : IDisposable
    {
        public void Dispose()
        {
            server.Dispose();
            own.Dispose();
        }
    }

    internal sealed record Caller(string Key, EffectiveLimits Limits);
}
