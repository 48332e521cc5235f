using System.Collections.Concurrent;

namespace ProductQuality.Graph.Infrastructure.WebSockets;

/// <summary>
/// The WebSocket connections open from each client address. A connection is a request that stays: without a cap,
/// one address could hold thousands open (each signed in as the public, or waiting out its initialisation timeout
/// again and again) and with them the server's memory and sockets, however slow its request rate. The HTTP layer
/// keeps a count of its own, of every connection (<see cref="Http.ConnectionLimits"/>).
/// </summary>
internal sealed class OpenConnections
{
    private readonly ConcurrentDictionary<string, int> _open = new(StringComparer.Ordinal);

    /// <summary>Counts a connection from <paramref name="address"/> in, unless it already has
    /// <paramref name="max"/> open: then null. Dispose the lease when the connection ends.</summary>
    public IDisposable? TryOpen(string address, int max)
    {
        while (true)
        {
            var open = _open.GetValueOrDefault(address);
            if (open >= max)
            {
                return null;
            }

            if (open == 0 ? _open.TryAdd(address, 1) : _open.TryUpdate(address, open + 1, open))
            {
                return new Lease(this, address);
            }
        }
    }

    /// <summary>How many are open from the address now.</summary>
    public int Count(string address) => _open.GetValueOrDefault(address);

    private void Close(string address)
    {
        while (true)
        {
            var open = _open[address];
            if (open == 1
                ? _open.TryRemove(new KeyValuePair<string, int>(address, 1))
                : _open.TryUpdate(address, open - 1, open))
            {
                return;
            }
        }
    }

    private sealed class Lease(OpenConnections connections, string address) : IDisposable
    {
        private int _closed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _closed, 1) == 0)
            {
                connections.Close(address);
            }
        }
    }
}
