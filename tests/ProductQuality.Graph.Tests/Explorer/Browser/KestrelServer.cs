using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using ProductQuality.Graph.Tests.Infrastructure;

namespace ProductQuality.Graph.Tests.Explorer.Browser;

/// <summary>
/// The test server on a real loopback socket (a browser cannot reach the in-memory test server), in the Development
/// environment so the IDE offers its department picker. A server with more settings derives from it.
/// </summary>
public class KestrelServer : GraphServerFactory
{
    public KestrelServer()
    {
        UseKestrel(0);
        StartServer();
    }

    /// <summary>e.g. http://127.0.0.1:41234</summary>
    public Uri Address => LoopbackAddress.Of(Services);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseEnvironment("Development");
        builder.UseSetting("urls", "http://127.0.0.1:0");
    }
}
