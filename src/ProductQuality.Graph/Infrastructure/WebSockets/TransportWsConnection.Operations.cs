using System.Threading.Channels;
using GraphQL;
using ProductQuality.Graph.Audit;

namespace ProductQuality.Graph.Infrastructure.WebSockets;

/// <summary>The connection's operations: each with its own services, and the observer forwarding its events.</summary>
internal sealed partial class TransportWsConnection
{
    /// <summary>
    /// One event at a time: the next is handed on (and resolved) once the one before is delivered. The operation's
    /// access log trace notes what its resolvers return, so two events resolved together would share one entry
    /// (the first logged both events' codes, the second none); and a replay never runs ahead of its client.
    /// </summary>
    private const int EventBacklogLimit = 1;

    /// <summary>An operation's own services (its DbContext) and its cancellation, disposed when it ends.</summary>
    private sealed class Operation(AsyncServiceScope scope, CancellationTokenSource cancel) : IDisposable
    {
        private readonly Lock _gate = new();
        private bool _disposed;
        private bool _ended;
        private IDisposable? _subscription;

        public AsyncServiceScope Scope { get; } = scope;

        public CancellationTokenSource Cancel { get; } = cancel;

        /// <summary>How many of its events may be on their way to the client at once (its source waits for room).
        /// </summary>
        public EventBacklog Backlog { get; } = new(EventBacklogLimit);

        /// <summary>
        /// Its start (checks, a place in the queue, execution), run beside the receive loop: it holds the scope and
        /// the cancellation until it stops, so an operation ended while starting gives them up only then.
        /// </summary>
        public Task? Starting { get; set; }

        /// <summary>
        /// The operation's access log trace (null when the log is off): resolvers note what they return.
        /// </summary>
        public AccessTrace? Trace { get; set; }

        /// <summary>Whether its start, refusal or result has been given its access log entry (only one is).
        /// </summary>
        public bool Accounted { get; set; }

        /// <summary>
        /// Held while an event is logged and sent, so that the client's <c>complete</c> cannot fall between the two:
        /// an entry for an event then dropped unsent said its data was returned. Never disposed: an event being
        /// delivered may end its own operation (the rate, the log) and still release it.
        /// </summary>
        public SemaphoreSlim Delivering { get; } = new(1, 1);

        /// <summary>
        /// Set once the client completed the operation, or the connection closes: an event waiting to be delivered is
        /// dropped.
        /// </summary>
        public bool Ended
        {
            get => Volatile.Read(ref _ended);
            private set => Volatile.Write(ref _ended, value);
        }

        /// <summary>Ends the operation after the event being delivered, if any, has been sent.</summary>
        public async Task EndAsync()
        {
            await Delivering.WaitAsync();
            Ended = true;
            Delivering.Release();
            Dispose();
        }

        /// <summary>
        /// Ends the operation for the connection's close: no event is delivered after it, and the one being delivered,
        /// if any, is given <paramref name="most"/> to go out first (a client that reads nothing holds it up).
        /// </summary>
        public async Task EndWithinAsync(TimeSpan most)
        {
            Ended = true;
            if (await Delivering.WaitAsync(most))
            {
                Delivering.Release();
            }

            Dispose();
        }

        /// <summary>Keeps the subscription's stream to end with the operation; one ended meanwhile ends it now.
        /// </summary>
        public void Attach(IDisposable subscription)
        {
            lock (_gate)
            {
                if (!_disposed)
                {
                    _subscription = subscription;
                    return;
                }
            }

            subscription.Dispose();
        }

        public void Dispose()
        {
            IDisposable? subscription;
            lock (_gate)
            {
                if (_disposed)
                {
                    return;
                }

                (_disposed, subscription) = (true, _subscription);
            }

            Cancel.Cancel();
            subscription?.Dispose();
            _ = ReleaseWhenStoppedAsync();
        }

        private async Task ReleaseWhenStoppedAsync()
        {
            await (Starting ?? Task.CompletedTask).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            Cancel.Dispose();
            await Scope.DisposeAsync();
        }
    }

    /// <summary>
    /// Forwards a subscription's events as <c>next</c> messages, its end as <c>complete</c>, in order, from a loop of
    /// its own. GraphQL.NET calls the observer synchronously; delivering an event waits for its access log entry and
    /// for the socket, and waited for them blocking a thread-pool thread each (a probe: 100 subscriptions and one
    /// write stalled every request of the server for 22 s while the pool grew a thread at a time). The observer now
    /// only queues; how far the queue may grow is the operation's <see cref="EventBacklog"/>.
    /// </summary>
    private sealed class Forwarder : IObserver<ExecutionResult>
    {
        private readonly Channel<Step> _steps =
            Channel.CreateUnbounded<Step>(new UnboundedChannelOptions { SingleReader = true });

        private readonly TransportWsConnection _connection;
        private readonly string _id;
        private readonly Operation _operation;
        private readonly EventBacklog _backlog;

        public Forwarder(TransportWsConnection connection, string id, Operation operation)
        {
            (_connection, _id, _operation, _backlog) = (connection, id, operation, operation.Backlog);
            _ = DeliverAsync();
        }

        public void OnNext(ExecutionResult value)
        {
            if (!_steps.Writer.TryWrite(
                new Step(() => _connection.SendEventAsync(_id, _operation, value), IsEvent: true)))
            {
                _backlog.Left();   // after the end: dropped
            }
        }

        public void OnError(Exception error)
        {
            // A database that went away mid-stream is said as such (retry, no stack trace), as for a query.
            var outage = error as Schema.DomainException is { Code: Schema.ErrorCodes.DatabaseUnavailable } known
                ? known
                : Data.DatabaseOutage.Reason(error) is { } reason
                    ? Http.ExecutionFaults.Unavailable(reason, _connection.RequestId(_id))
                    : null;
            if (outage is null)
            {
                Log.StreamFailed(_connection._logger, error, _id);
            }
            else
            {
                Log.StreamLostDatabase(_connection._logger, _id, Data.DatabaseOutage.Cause(error));
            }

            _steps.Writer.TryWrite(new Step(() => _connection.EndStoppedAsync(_id, _operation, outage
                ?? new ExecutionError("The subscription stopped on a server fault; subscribe again from your last "
                    + "cursor.") { Code = Schema.ErrorCodes.InternalError }), IsEvent: false));
            _steps.Writer.TryComplete();
        }

        public void OnCompleted()
        {
            _steps.Writer.TryWrite(new Step(() => _connection.CompleteAsync(_id, _operation), IsEvent: false));
            _steps.Writer.TryComplete();
        }

        private async Task DeliverAsync()
        {
            var gone = false;
            await foreach (var step in _steps.Reader.ReadAllAsync())
            {
                try
                {
                    // Once the connection is gone, the rest is dropped, each giving its place in the backlog back.
                    if (!gone)
                    {
                        await step.Run();
                    }
                }
                catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException
                    or System.Net.WebSockets.WebSocketException)
                {
                    gone = true;
                }
#pragma warning disable CA1031 // A fault ends this subscriber's delivery, never the server: it is logged.
                catch (Exception e)
#pragma warning restore CA1031
                {
                    Log.StreamFailed(_connection._logger, e, _id);
                    gone = true;
                }
                finally
                {
                    if (step.IsEvent)
                    {
                        _backlog.Left();
                    }
                }
            }
        }

        private readonly record struct Step(Func<Task> Run, bool IsEvent);
    }
}
