using Microsoft.Extensions.Options;
using ProductQuality.Graph.Infrastructure.WebSockets;

namespace ProductQuality.Graph.Changes;

/// <summary>
/// The change subscriptions' turns at the database: at most <see cref="GraphQLWebSocketOptions.ChangeReadsAtOnce"/>
/// feed reads at once on this server. A commit wakes every subscription together, and each read takes a connection:
/// unbounded, a thousand idle subscriptions woken by one write took every PostgreSQL connection, and the reads that
/// found none ended their subscriptions with INTERNAL_ERROR. A read is a few milliseconds, so a turn comes soon.
/// </summary>
public sealed class ChangeReadGate(IOptions<GraphQLWebSocketOptions> options) : IDisposable
{
    private readonly SemaphoreSlim _turns = new(options.Value.ChangeReadsAtOnce, options.Value.ChangeReadsAtOnce);

    /// <summary>Runs <paramref name="read"/> in a turn of its own, waiting for one first.</summary>
    public async Task<T> ReadAsync<T>(Func<Task<T>> read, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(read);
        await _turns.WaitAsync(ct);
        try
        {
            return await read();
        }
        finally
        {
            _turns.Release();
        }
    }

    public void Dispose() => _turns.Dispose();
}
