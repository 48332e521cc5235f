using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using ProductQuality.Graph.Access.Tokens;
using ProductQuality.Graph.Tests.Infrastructure;

namespace ProductQuality.Graph.Tests.Limits;

/// <summary>
/// A second host over the shared server's (already seeded) database with other limit settings: rate limits and
/// timeouts small enough to reach in a test, without seeding a database of its own.
/// </summary>
public sealed class LimitedServer : IDisposable
{
    private readonly WebApplicationFactory<Program> _factory;

    public LimitedServer(TestServerFactory shared, IReadOnlyDictionary<string, string> settings,
        Action<IServiceCollection>? services = null)
    {
        ArgumentNullException.ThrowIfNull(shared);
        ArgumentNullException.ThrowIfNull(settings);
        using var _ = shared.CreateClient(); // seeds the database once, before this host opens it
        _factory = shared.WithWebHostBuilder(builder =>
        {
            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }

            if (services is not null)
            {
                builder.ConfigureTestServices(services);
            }
        });
    }

    public IServiceProvider Services => _factory.Services;

    public HttpClient ClientFor(string? department)
    {
        var client = _factory.CreateClient();
        if (department is not null)
        {
            var token = _factory.Services.GetRequiredService<DevelopmentTokenIssuer>()
                .Issue(department, "test", TimeSpan.FromMinutes(10));
            client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        }

        return client;
    }

    /// <summary>A client sending a freshly issued enterprise token for the credit code (the data tracker).</summary>
    public HttpClient ClientForEnterprise(string creditCode)
    {
        var client = _factory.CreateClient();
        var token = _factory.Services.GetRequiredService<Graph.Access.EnterpriseTokens.EnterpriseTokenIssuer>()
            .Issue(creditCode, TimeSpan.FromMinutes(10));
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        return client;
    }

    public void Dispose() => _factory.Dispose();
}
