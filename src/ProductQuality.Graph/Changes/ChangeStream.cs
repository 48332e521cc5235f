using ProductQuality.Graph.Data;
using ProductQuality.Graph.Infrastructure.WebSockets;

namespace ProductQuality.Graph.Changes;

/// <summary>
/// One subscriber's events: reads the feed after its position in pages with the subscriber's rights (in a turn of
/// the <see cref="ChangeReadGate"/>), hands each event on with its cursor, then waits to be woken by a commit
/// (<see cref="ChangeSignal"/>) or for the poll interval, and reads again. The position only moves past events
/// handed on, so nothing is skipped or repeated.
/// It stops when unsubscribed or when <paramref name="ended"/> (the operation's cancellation) fires, whichever
/// comes first: an operation ended from inside its own event (refused for the rate) is not always unsubscribed by
/// the execution's wrapper, and its pump read the feed on, for nobody, for ever (probe).
/// </summary>
internal sealed class ChangeStream(
    IServiceScopeFactory scopes, ChangeSignal signal, ChangeReadGate gate, ChangeFeedRequest start,
    TimeSpan pollInterval, CancellationToken ended, EventBacklog? backlog = null)
    : IObservable<object?>
{
    public const int PageSize = 100;

    public IDisposable Subscribe(IObserver<object?> observer)
    {
        var stop = CancellationTokenSource.CreateLinkedTokenSource(ended);
        _ = PumpAsync(observer, stop);
        return new Stop(stop);
    }

    private async Task PumpAsync(IObserver<object?> observer, CancellationTokenSource source)
    {
        var stop = source.Token;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ProductQualityDbContext>();
            var feed = scope.ServiceProvider.GetRequiredService<IChangeFeed>();
            var request = start;
            while (!stop.IsCancellationRequested)
            {
                var woken = signal.Next;
                var page = await gate.ReadAsync(() => feed.ReadAsync(db, request, stop), stop);
                foreach (var change in page.Events)
                {
                    // The client's pace: at most the backlog's events on their way to it (WaitAsync throws when
                    // stopped). An event can end its own operation (refused for the rate): nothing after that.
                    if (backlog is not null)
                    {
                        await backlog.WaitForRoomAsync(stop);
                    }

                    if (stop.IsCancellationRequested)
                    {
                        return;
                    }

                    observer.OnNext(change);
                    request = request with { After = change.Id };
                }

                db.ChangeTracker.Clear();
                if (!page.HasMore)
                {
                    await Task.WhenAny(woken, Task.Delay(pollInterval, stop));
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The subscriber completed or went away.
        }
#pragma warning disable CA1031 // A fault ends this subscriber's stream with an error, never the server.
        catch (Exception e)
#pragma warning restore CA1031
        {
            observer.OnError(e);
        }
        finally
        {
            source.Dispose();
        }
    }

    /// <summary>Stops the pump; the pump disposes the token source when it has stopped using it.</summary>
    private sealed class Stop(CancellationTokenSource source) : IDisposable
    {
        public void Dispose()
        {
            try
            {
                source.Cancel();
            }
            catch (ObjectDisposedException)
            {
                // The pump had already ended (its stream failed).
            }
        }
    }
}
