using System.Net.Sockets;

namespace ProductQuality.Graph.Infrastructure.Listening;

/// <summary>
/// Kestrel could not listen where it was told: an address another process holds, one that is not this machine's, a
/// port it may not open, a certificate it cannot use. Said in one sentence, exit code 3 (<see cref="StartupFailure"/>):
/// a socket error from here was once read as the database's ("PostgreSQL: Cannot assign requested address").
/// </summary>
/// <param name="remedy">Where the addresses are set, as the sentence ends "Give another address …": the urls by
/// default, or Kestrel's own endpoints when those are set.</param>
public sealed class ListenFailureException(IReadOnlyCollection<string> addresses, Exception cause,
    string remedy = ListenFailureException.UrlsRemedy)
    : Exception(Describe(addresses, cause, remedy), cause)
{
    public const string UrlsRemedy = "with --urls (or ASPNETCORE_URLS)";

    private static string Describe(IReadOnlyCollection<string> addresses, Exception cause, string remedy)
    {
        // Kestrel's own words name the address it could not take.
        if (cause is IOException { Message: var bind } && bind.StartsWith("Failed to bind to address",
            StringComparison.Ordinal))
        {
            return $"{bind.TrimEnd('.')}: another process listens there. Give this server another address {remedy}, "
                + "or stop the other process.";
        }

        var where = addresses.Count == 0 ? "" : " on " + string.Join(", ", addresses.Select(a => $"'{a}'"));
        return FirstSocketError(cause) switch
        {
            { SocketErrorCode: SocketError.AddressNotAvailable } e =>
                $"The server could not listen{where} ({e.Message}): no network interface of this machine has that "
                + $"address. Give one of its addresses, 127.0.0.1 (this machine only) or * (every interface) {remedy}.",
            { SocketErrorCode: SocketError.AccessDenied } e =>
                $"The server could not listen{where} ({e.Message}): a port below 1024 needs root or "
                + $"CAP_NET_BIND_SERVICE. Give a port from 1024 up, e.g. http://127.0.0.1:5080, {remedy}.",
            { } e => $"The server could not listen{where} ({e.Message}). Give another address {remedy}.",
            null => $"The server could not listen{where}: {cause.Message} Check the address {remedy} and the "
                + "Kestrel settings.",
        };
    }

    private static SocketException? FirstSocketError(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
        {
            if (e is SocketException socket)
            {
                return socket;
            }
        }

        return null;
    }
}
