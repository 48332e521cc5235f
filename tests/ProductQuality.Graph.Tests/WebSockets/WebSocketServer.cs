using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using ProductQuality.Graph.Access.Tokens;
using ProductQuality.Graph.Tests.Infrastructure;

namespace ProductQuality.Graph.Tests.WebSockets;

/// <summary>
/// The test server on a real loopback socket (WebSocket clients need one), with a short init timeout.
/// </summary>
public class WebSocketServer : GraphServerFactory
{
    /// <summary>A department that must state its purpose (X-Purpose), over WebSocket as over HTTP.</summary>
    public const string PurposeRequiredDepartment = "tax";

    private readonly IReadOnlyDictionary<string, string> _settings;

    public WebSocketServer()
        : this(new Dictionary<string, string>())
    {
    }

    /// <summary>A server with settings of its own (e.g. a low public rate), on its own database.</summary>
    protected WebSocketServer(IReadOnlyDictionary<string, string> settings)
    {
        _settings = settings;
        UseKestrel(0);
        StartServer();
    }

    public Uri Address => LoopbackAddress.Of(Services);

    public string Token(string department, TimeSpan? lifetime = null) =>
        Services.GetRequiredService<DevelopmentTokenIssuer>()
            .Issue(department, "ws-test", lifetime ?? TimeSpan.FromMinutes(10));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("urls", "http://127.0.0.1:0");
        builder.UseSetting("GraphQL:WebSockets:ConnectionInitTimeoutSeconds", "2");
        builder.UseSetting("GraphQL:WebSockets:MaxMessageBytes", "4096");
        // Tokens that expire in a test are let go soon after (the default skew is 30 s).
        builder.UseSetting("Auth:ClockSkewSeconds", "2");
        builder.UseSetting($"Access:Departments:{PurposeRequiredDepartment}:RequirePurpose", "true");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
    }
}
