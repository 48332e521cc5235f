using System.Net.Sockets;

namespace ProductQuality.Graph.Tests.Transport;

/// <summary>
/// Raw TCP connections to a server that may close them as they arrive (the connection limits). The close can reach
/// the client as a reset before its connect has completed, on its first write, or as the end of the stream; each is
/// "closed by the server" (CI met every one of them under load).
/// </summary>
internal static class RawConnection
{
    /// <summary>A connection, or null when the server reset it while it was being made.</summary>
    public static async Task<TcpClient?> ConnectOrNullAsync(Uri address)
    {
        var client = new TcpClient();
        try
        {
            await client.ConnectAsync(address.Host, address.Port);
            return client;
        }
        catch (SocketException e) when (e.SocketErrorCode == SocketError.ConnectionReset)
        {
            client.Dispose();
            return null;
        }
    }

    /// <summary>Whether the server closes (or resets) <paramref name="client"/> within 10 s, without answering.
    /// </summary>
    public static async Task<bool> ClosedByServerAsync(TcpClient client)
    {
        var buffer = new byte[256];
        try
        {
            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            return await client.GetStream().ReadAsync(buffer, wait.Token) == 0;
        }
        catch (IOException)
        {
            return true; // reset rather than closed: closed all the same
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>Whether a new connection sending <paramref name="request"/> is closed by the server unanswered.
    /// </summary>
    public static async Task<bool> RefusedAsync(Uri address, byte[] request)
    {
        using var client = await ConnectOrNullAsync(address);
        if (client is null)
        {
            return true;
        }

        try
        {
            await client.GetStream().WriteAsync(request);
        }
        catch (IOException)
        {
            return true;
        }

        return await ClosedByServerAsync(client);
    }
}
