using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using ProductQuality.Graph.Audit;
using ProductQuality.Graph.Tests.Audit;
using ProductQuality.Graph.Tests.Receipts;
using ProductQuality.Graph.Tests.WebSockets;

namespace ProductQuality.Graph.Tests.Access.IdentityProvider;

/// <summary>
/// Over WebSocket as over HTTP: a token that cannot be checked because the identity provider is away closes the
/// connection with Try Again Later (1013, which graphql-ws clients reconnect after), not Forbidden (4403, which
/// tells the client its token is bad), and the refusal is logged as the server's.
/// </summary>
public sealed class IdentityProviderWebSocketTests(IdentityProviderWebSocketTests.Server server)
    : IClassFixture<IdentityProviderWebSocketTests.Server>
{
    [Fact]
    public async Task A_token_that_cannot_be_checked_closes_with_try_again_later()
    {
        var purpose = AccessLogProbe.NewPurpose("ws-idp-away");
        await using var client = await WsClient.ConnectAsync(server.Address, purpose: purpose);
        await client.InitAsync(server.Provider.Issue("finance"));

        var (code, reason) = await client.ClosedAsync();
        Assert.Equal(1013, code);
        Assert.StartsWith("IDENTITY_PROVIDER_UNAVAILABLE: ", reason, StringComparison.Ordinal);
        WebSocketRefusalLogTests.AssertRefused(await server.EntryAsync(purpose), 1013,
            "IDENTITY_PROVIDER_UNAVAILABLE", AccessOutcome.Error);
    }

    /// <summary>The WebSocket test server in production mode, its identity provider refusing every fetch.</summary>
    public sealed class Server() : WebSocketServer(new Dictionary<string, string>
    {
        ["Auth:Authority"] = FakeIdentityProvider.Authority,
        ["Auth:Issuer"] = FakeIdentityProvider.Issuer,
        ["Auth:Audience"] = FakeIdentityProvider.Audience,
        ["Receipts:SigningKey"] = ReceiptServer.NewKeyPem(),
        ["Receipts:KeyId"] = "receipts-idp-ws-test",
    })
    {
        // Initialised before the base constructor starts the server, which reads it.
        public FakeIdentityProvider Provider { get; } = new() { State = FakeIdentityProvider.Mode.Down };

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(s => s.Configure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme,
                jwt => jwt.BackchannelHttpHandler = Provider));
        }

        protected override void Dispose(bool disposing)
        {
            base.Dispose(disposing);
            if (disposing)
            {
                Provider.Dispose();
            }
        }
    }
}
