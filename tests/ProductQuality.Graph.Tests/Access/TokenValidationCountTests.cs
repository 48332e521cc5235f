using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using ProductQuality.Graph.Tests.Infrastructure;

namespace ProductQuality.Graph.Tests.Access;

/// <summary>
/// A department's token is validated in full (signature, issuer, audience, lifetime) once, then found in the cache of
/// validated tokens until its expiry: not once more per request by the authentication middleware, as happened while
/// JwtBearer was the automatic default scheme. Counted with JwtBearer's own "token validated" event.
/// </summary>
public sealed class TokenValidationCountTests
{
    [Fact]
    public async Task A_token_is_validated_once_not_on_every_request()
    {
        using var server = new CountingServer();
        var finance = server.ClientFor("finance");
        for (var i = 0; i < 5; i++)
        {
            (await finance.PostAsync("{ __typename }")).EnsureData();
        }

        Assert.Equal(1, server.Validations);

        // Another token is another validation; a bad one is still refused, with its reason.
        (await server.ClientFor("drc").PostAsync("{ __typename }")).EnsureData();
        Assert.Equal(2, server.Validations);
        var forged = server.CreateClient();
        forged.DefaultRequestHeaders.Authorization =
            new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "not.a.token");
        var refused = await forged.PostAsync(new Uri("/graphql", UriKind.Relative),
            new StringContent("""{"query":"{ __typename }"}""", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    private sealed class CountingServer : GraphServerFactory
    {
        private int _validations;

        public int Validations => Volatile.Read(ref _validations);

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.PostConfigure<JwtBearerOptions>(
                JwtBearerDefaults.AuthenticationScheme, jwt => jwt.Events = new JwtBearerEvents
                {
                    OnTokenValidated = _ =>
                    {
                        Interlocked.Increment(ref _validations);
                        return Task.CompletedTask;
                    },
                }));
        }
    }
}
