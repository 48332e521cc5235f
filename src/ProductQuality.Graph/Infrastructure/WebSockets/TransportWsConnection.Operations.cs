using GraphQL;
using ProductQuality.Graph.Audit;

namespace ProductQuality.Graph.Infrastructure.WebSockets;

/// <summary>The connection's operations: each with its own services, and the observer forwarding its events.</summary>
internal sealed partial class TransportWsConnection
{
    /// <summary>An operation's own services (its DbContext) and its cancellation, disposed when it ends.</summary>
    private sealed class Operation(AsyncServiceScope scope, CancellationTokenSource cancel) : IDisposable
    {
        public AsyncServiceScope Scope { get; } = scope;

        public CancellationTokenSource Cancel { get; } = cancel;

        public IDisposable? Subscription { get; set; }

        /// <summary>
        /// The operation's access log trace (null when the log is off): resolvers note what they return.
        /// </summary>
        public AccessTrace? Trace { get; set; }

        /// <summary>
        /// Held while an event is logged and sent, so that the client's <c>complete</c> cannot fall between the two:
        /// an entry for an event then dropped unsent said its data was returned. Never disposed: an event being
        /// delivered may end its own operation (the rate, the log) and still release it.
        /// </summary>
        public SemaphoreSlim Delivering { get; } = new(1, 1);

        /// <summary>Set once the client completed the operation: an event waiting to be delivered is dropped.</summary>
        public bool Ended { get; private set; }

        /// <summary>Ends the operation after the event being delivered, if any, has been sent.</summary>
        public async Task EndAsync()
        {
            await Delivering.WaitAsync();
            Ended = true;
            Delivering.Release();
            Dispose();
        }

        public void Dispose()
        {
            Cancel.Cancel();
            Subscription?.Dispose();
            Cancel.Dispose();
            _ = Scope.DisposeAsync().AsTask();
        }
    }

    /// <summary>Forwards a subscription's events as <c>next</c> messages, its end as <c>complete</c>.</summary>
    private sealed class Forwarder(TransportWsConnection connection, string id) : IObserver<ExecutionResult>
    {
        public void OnNext(ExecutionResult value) => connection.SendEventAsync(id, value).GetAwaiter().GetResult();

        public void OnError(Exception error)
        {
            Log.StreamFailed(connection._logger, error, id);
            connection.SendNextAsync(id, new ExecutionResult { Errors = [new ExecutionError(
                "The subscription stopped on a server fault; subscribe again from your last cursor.")
                { Code = "INTERNAL_ERROR" }] }).GetAwaiter().GetResult();
            connection.CompleteAsync(id).GetAwaiter().GetResult();
        }

        public void OnCompleted() => connection.CompleteAsync(id).GetAwaiter().GetResult();
    }
}
