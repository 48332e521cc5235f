using System.Net;
using ProductQuality.Graph.Infrastructure.Http;

namespace ProductQuality.Graph.Operations.Telemetry;

/// <summary>
/// Who may read <c>/metrics</c>: loopback clients and those from <see cref="PrometheusOptions.AllowedNetworks"/>.
/// The metrics name departments, their operations and their volumes — the bureau's operational picture, not for
/// partners or the public. Others get 403 <c>FORBIDDEN</c>. Behind a reverse proxy the address is the proxy's.
/// </summary>
internal sealed class ScrapeAccess(IEnumerable<string> networks)
{
    private readonly IPNetwork[] _networks = [.. networks.Select(n => IPNetwork.Parse(n))];

    public bool Allows(IPAddress? address)
    {
        if (address is null)
        {
            return false;
        }

        var candidates = address.IsIPv4MappedToIPv6 ? new[] { address, address.MapToIPv4() } : [address];
        return candidates.Any(a => IPAddress.IsLoopback(a) || _networks.Any(n => n.Contains(a)));
    }

    public Task Guard(HttpContext http, Func<Task> next) => Allows(http.Connection.RemoteIpAddress)
        ? next()
        : TransportErrorWriter.WriteAsync(http, new RequestError(StatusCodes.Status403Forbidden, "FORBIDDEN",
            "Metrics may be read from the networks in Telemetry:Prometheus:AllowedNetworks only."), MediaTypes.Json);
}
