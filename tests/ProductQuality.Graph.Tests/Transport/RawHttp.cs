using System.Net.Sockets;
using System.Text;

namespace ProductQuality.Graph.Tests.Transport;

/// <summary>
/// One request written to a real socket byte for byte, as HttpClient will not send it (a body cut short, a header
/// that is not UTF-8), and the whole answer read until the server closes (the request asks Connection: close).
/// </summary>
internal static class RawHttp
{
    public static async Task<(int Status, string Head, string Body)> ExchangeAsync(Uri server, byte[] request)
    {
        using var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(server.Host, server.Port);
        await socket.SendAsync(request);

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var answer = new MemoryStream();
        var buffer = new byte[4096];
        int read;
        while ((read = await socket.ReceiveAsync(buffer, SocketFlags.None, timeout.Token)) > 0)
        {
            answer.Write(buffer, 0, read);
        }

        var text = Encoding.UTF8.GetString(answer.ToArray());
        var split = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        var status = int.Parse(text.Split(' ', 3)[1], System.Globalization.CultureInfo.InvariantCulture);
        return (status, text[..split], text[(split + 4)..]);
    }
}
