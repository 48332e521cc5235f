using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Http;

namespace ProductQuality.Graph.Infrastructure.Listening;

/// <summary>
/// What Kestrel would make of one address of the urls setting, read with its own parser (<see cref="BindingAddress"/>)
/// and the rules it applies next, so that a mistake is refused before the host starts rather than when it binds.
/// </summary>
internal static class ListenAddress
{
    /// <summary>
    /// Null for an address Kestrel listens on as its operator meant; otherwise the rest of a sentence that quotes it,
    /// e.g. "whose scheme 'ftp' is not http or https".
    /// </summary>
    public static string? Problem(string address)
    {
        // Kestrel splits on ';' alone: "a; b" made " b", whose scheme " http" it refused.
        if (address.Any(char.IsWhiteSpace))
        {
            return "which holds a space: addresses are separated by ';' alone";
        }

        BindingAddress parsed;
        try
        {
            parsed = BindingAddress.Parse(address);
        }
        catch (FormatException)
        {
            return "which is not an address (a scheme, :// and a host with its port)";
        }

        if (parsed.Scheme is not { } scheme || !(IsScheme(scheme, "http") || IsScheme(scheme, "https")))
        {
            return $"whose scheme '{parsed.Scheme}' is not http or https";
        }

        if (!string.IsNullOrEmpty(parsed.PathBase))
        {
            return $"which has a path ('{parsed.PathBase}'): an address is a scheme, a host and a port (the GraphQL "
                + "path is the setting GraphQL:Path)";
        }

        if (parsed.IsUnixPipe || parsed.IsNamedPipe)
        {
            return null;
        }

        return HostProblem(parsed.Host, parsed.Port) ?? PortProblem(parsed.Port.ToString(CultureInfo.InvariantCulture),
            parsed.Port);
    }

    /// <summary>
    /// The sockets Kestrel binds for an address <see cref="Problem"/> accepts, written as address:port: localhost is
    /// both loopback addresses, any other name every interface. None for port 0 (a free port each) or a pipe.
    /// </summary>
    public static IEnumerable<string> Sockets(string address)
    {
        var parsed = BindingAddress.Parse(address);
        if (parsed.IsUnixPipe || parsed.IsNamedPipe || parsed.Port == 0)
        {
            return [];
        }

        var host = parsed.Host;
        var port = parsed.Port.ToString(CultureInfo.InvariantCulture);
        if (host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
            || host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase))
        {
            return [$"127.0.0.1:{port}", $"[::1]:{port}"];
        }

        return IPAddress.TryParse(host.Trim('[', ']'), out var ip)
            ? [ip.AddressFamily == AddressFamily.InterNetworkV6 ? $"[{ip}]:{port}" : $"{ip}:{port}"]
            : [$"*:{port}"];
    }

    public static bool IsHttps(string address) =>
        address.StartsWith("https://", StringComparison.OrdinalIgnoreCase);

    private static bool IsScheme(string scheme, string expected) =>
        scheme.Equals(expected, StringComparison.OrdinalIgnoreCase);

    // Kestrel takes localhost (and *.localhost) for both loopback addresses, an IP address for itself, and anything
    // else — *, +, a name, a host it could not read ("http://[::1" is host "[:" and port 1) — for every interface.
    private static string? HostProblem(string host, int port)
    {
        if (host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
            || host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase))
        {
            return port == 0
                ? "which asks for any free port on localhost: Kestrel cannot pick one for IPv4 and IPv6 at once "
                    + "(http://127.0.0.1:0 can)"
                : null;
        }

        if (host is "*" or "+" || IsIPv6InBrackets(host) || IsDottedIPv4(host))
        {
            return null;
        }

        // The parser keeps a port that is not a number with the host ("127.0.0.1:abc", "[::1]:abc"; port 80).
        var portStart = host.StartsWith('[')
            ? host.IndexOf("]:", StringComparison.Ordinal) + 1
            : host.Count(c => c == ':') == 1 ? host.IndexOf(':', StringComparison.Ordinal) : -1;
        if (portStart > 0)
        {
            return PortProblem(host[(portStart + 1)..], -1);
        }

        return IPAddress.TryParse(host, out var address) && address.AddressFamily == AddressFamily.InterNetworkV6
            ? $"whose IPv6 address {host} is not in brackets (as in http://[::1]:5080)"
            : $"whose host '{host}' is not localhost, an IP address (IPv6 in brackets, [::1]) or * for every "
                + "interface: Kestrel listens on every interface for any other host";
    }

    private static bool IsIPv6InBrackets(string host) =>
        host.StartsWith('[') && host.EndsWith(']') && IPAddress.TryParse(host[1..^1], out var address)
        && address.AddressFamily == AddressFamily.InterNetworkV6;

    // Four numbers: IPAddress also reads "5080" (0.0.19.216), so "http://5080" would not have meant this machine.
    private static bool IsDottedIPv4(string host) =>
        host.Split('.') is { Length: 4 } parts && parts.All(p => p.Length is > 0 and <= 3 && p.All(char.IsAsciiDigit))
        && IPAddress.TryParse(host, out _);

    private static string? PortProblem(string text, int port) => port is >= 0 and <= 65535
        ? null
        : $"whose port '{text}' is not a number from 0 to 65535 (0: any free port)";
}
