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
/// whole allowance from the others. The whole allowance is counted here too, upgraded connections with the others:
/// Kestrel counts a WebSocket apart once upgraded, so its two limits together let twice the setting in.
/// </summary>
internal static class ConnectionLimits
{
    private const string Everyone = "*";   // no client address is written so

    public static void Configure(KestrelServerOptions kestrel, GraphQLHttpOptions options)
    {
        kestrel.Limits.MaxConcurrentConnections = options.MaxConnections;
        kestrel.Limits.MaxConcurrentUpgradedConnections = options.MaxConnections;
        // Counted as the WebSocket endpoint counts its own (a separate count: every connection, upgraded or not).
        var open = new OpenConnections();
        kestrel.ConfigureEndpointDefaults(listen =>
            listen.Use(next => connection => RunAsync(connection, next, open, options)));
    }

    private static async Task RunAsync(
        ConnectionContext connection, ConnectionDelegate next, OpenConnections open, GraphQLHttpOptions options)
    {
        // A connection keeps its place until it ends, through an upgrade to WebSocket: the middleware wraps it all.
        using var place = open.TryOpen(Everyone, options.MaxConnections);
        if (place is null)
        {
            connection.Abort(new ConnectionAbortedException("Too many connections."));
            return;
        }

        if ((connection.RemoteEndPoint as IPEndPoint)?.Address is not { } address)
        {
            await next(connection);
            return;
        }

        using var lease = open.TryOpen(address.ToString(), options.MaxConnectionsPerAddress);
        if (lease is null)
        {
            connection.Abort(new ConnectionAbortedException("Too many connections from one address."));
            return;
        }

        await next(connection);
    }

    /// <summary>
    /// Each connection is a file descriptor, as are the database's files and sockets: a limit of connections above
    /// the process's open-file limit (ulimit -n, often 1,024) is reached as failures to open anything, not as
    /// connections refused. Said at start, with what to change (Linux only: elsewhere the limit is not read).
    /// </summary>
    public static void WarnWhenAboveTheOpenFileLimit(WebApplication app)
    {
        var max = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<GraphQLHttpOptions>>().Value
            .MaxConnections;
        if (OpenFileLimit() is { } limit && max + FilesBesideConnections > limit)
        {
            app.Logger.LogWarning("GraphQL:MaxConnections is {Max}, but this process may open only {Limit} files "
                + "(ulimit -n), which also hold the database's files and sockets: past about {Room} connections "
                + "the server fails to open anything. Raise the limit to at least {Needed} (LimitNOFILE= in a "
                + "systemd unit, ulimit -n, the container's nofile) or lower GraphQL:MaxConnections to {Lower}.",
                max, limit, Math.Max(0, limit - FilesBesideConnections), max + FilesBesideConnections,
                Math.Max(16, limit - FilesBesideConnections));
        }
    }

    /// <summary>Files the process holds besides connections: assemblies, the database and its pool, logs.</summary>
    private const long FilesBesideConnections = 1_024;

    // The soft limit, from /proc/self/limits ("Max open files  1024  4096  files"); null when unknown or unlimited.
    private static long? OpenFileLimit()
    {
        try
        {
            var line = File.ReadLines("/proc/self/limits")
                .FirstOrDefault(l => l.StartsWith("Max open files", StringComparison.Ordinal));
            var soft = line?["Max open files".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries)[0];
            return long.TryParse(soft, out var limit) ? limit : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
