using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace ProductQuality.Graph.Tests.Infrastructure;

/// <summary>
/// The address a test server started on a real loopback socket listens on, e.g. http://127.0.0.1:41234.
/// </summary>
public static class LoopbackAddress
{
    public static Uri Of(IServiceProvider services) => new(services.GetRequiredService<IServer>()
        .Features.Get<IServerAddressesFeature>()!.Addresses.First()
        .Replace("[::1]", "127.0.0.1", StringComparison.Ordinal)
        .Replace("localhost", "127.0.0.1", StringComparison.Ordinal));
}
