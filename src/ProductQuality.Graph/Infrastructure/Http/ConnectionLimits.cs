using System.Net;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using ProductQuality.Graph.Infrastructure.WebSockets;

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
        // Counted as the WebSocket endpoint counts its own (a separate count: every connection, upgraded or not).
        var open = new OpenConnections();
        var max = options.MaxConnectionsPerAddress;
        kestrel.ConfigureEndpointDefaults(listen =>
            listen.Use(next => connection => RunAsync(connection, next, open, max)));
    }

    private static async Task RunAsync(
        ConnectionContext connection, ConnectionDelegate next, OpenConnections open, int max)
    {
        if ((connection.RemoteEndPoint as IPEndPoint)?.Address is not { } address)
        {
            await next(connection);
            return;
        }

        using var lease = open.TryOpen(address.ToString(), max);
        if (lease is null)
        {
            connection.Abort(new ConnectionAbortedException("Too many connections from one address."));
            return;
        }

        await next(connection);
    }
}
