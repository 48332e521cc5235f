using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace ProductQuality.Graph.Infrastructure.Http;

/// <summary>
/// Bounds the connections the server holds, before any byte is read: one client opening 20,000 idle sockets (no
/// token, nothing sent) ran the process out of file descriptors, after which it crashed or stopped accepting for
/// good. Kestrel closes a connection past <see cref="GraphQLHttpOptions.MaxConnections"/>; one past a client
/// address's <see cref="GraphQLHttpOptions.MaxConnectionsPerAddress"/> is closed here, so one client cannot take the
/// whole allowance from the others.
/// </summary>
internal static class ConnectionLimits
{
    public static void Configure(KestrelServerOptions kestrel, GraphQLHttpOptions options)
    {
        kestrel.Limits.MaxConcurrentConnections = options.MaxConnections;
        // A WebSocket leaves the count above once upgraded: it is bounded on its own, by the same number.
        kestrel.Limits.MaxConcurrentUpgradedConnections = options.MaxConnections;
        var open = new OpenPerAddress(options.MaxConnectionsPerAddress);
        kestrel.ConfigureEndpointDefaults(listen => listen.Use(next => connection => open.RunAsync(connection, next)));
    }

    private sealed class OpenPerAddress(int max)
    {
        private readonly ConcurrentDictionary<IPAddress, int> _open = new();

        public async Task RunAsync(ConnectionContext connection, ConnectionDelegate next)
        {
            if ((connection.RemoteEndPoint as IPEndPoint)?.Address is not { } address)
            {
                await next(connection);
                return;
            }

            if (_open.AddOrUpdate(address, 1, (_, n) => n + 1) > max)
            {
                Leave(address);
                connection.Abort(new ConnectionAbortedException("Too many connections from one address."));
                return;
            }

            try
            {
                await next(connection);
            }
            finally
            {
                Leave(address);
            }
        }

        private void Leave(IPAddress address)
        {
            // The entry goes with the address's last connection, so the map holds only addresses now connected.
            if (_open.AddOrUpdate(address, 0, (_, n) => n - 1) == 0)
            {
                _open.TryRemove(new KeyValuePair<IPAddress, int>(address, 0));
            }
        }
    }
}
