using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace ProductQuality.Graph.Tests.Infrastructure;

/// <summary>
/// The real server pipeline over a real database, seeded once per test run with a small deterministic data set
/// whose "today" is pinned, so snapshots stay stable. Only configuration is overridden; each provider's factory
/// says where the database lives, so the same tests can run against SQLite and PostgreSQL.
/// </summary>
public abstract class TestServerFactory : WebApplicationFactory<Program>
{
    public const int Enterprises = 400;

    /// <summary>Test-only HMAC key (never used outside tests): tokens the bearer pipeline really validates.</summary>
    public const string TestSigningKey = "dGVzdC1vbmx5LWtleS1mb3ItcHJvZHVjdHF1YWxpdHktZ3JhcGg=";

    /// <summary>Test-only key of enterprise tokens (Access:EnterpriseTokens:SigningKey), never used outside tests.
    /// </summary>
    public const string TestEnterpriseKey = "dGVzdC1vbmx5LWVudGVycHJpc2Uta2V5LWZvci10aGUtdHJhY2tlcg==";

    public SqlCounter Sql { get; } = new();

    /// <summary>Database:Provider and Database:ConnectionString of this factory's database.</summary>
    protected abstract void ConfigureDatabase(IWebHostBuilder builder);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        ConfigureDatabase(builder);
        builder.UseSetting("Database:SeedEnterprises",
            Enterprises.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Database:SeedToday", "2026-11-28");
        builder.UseSetting("Clock:Today", "2026-11-28");
        // Production runs without EF's check that a context serves one operation at a time (its cost is every row
        // read): the suite runs with it, so a context shared across operations fails here.
        builder.UseSetting("Database:ThreadSafetyChecks", "true");
        // The daily re-evaluation has tests of its own, on servers whose clock moves.
        builder.UseSetting("Maintenance:Enabled", "false");
        builder.UseSetting("Auth:SigningKey", TestSigningKey);
        builder.UseSetting("Access:EnterpriseTokens:SigningKey", TestEnterpriseKey);
        // The whole suite shares this server: rate limits of their own are tested on servers of their own.
        builder.UseSetting("Access:Limits:RequestsPerWindow", "1000000");
        builder.UseSetting("Access:Public:Limits:RequestsPerWindow", "1000000");
        builder.ConfigureTestServices(services => services.AddSingleton<IInterceptor>(Sql));
    }

    /// <summary>A client sending a freshly minted token of the department (null: anonymous).</summary>
    public HttpClient ClientFor(string? department)
    {
        var client = CreateClient();
        if (department is not null)
        {
            var token = Services.GetRequiredService<ProductQuality.Graph.Access.Tokens.DevelopmentTokenIssuer>()
                .Issue(department, "test", TimeSpan.FromMinutes(10));
            client.DefaultRequestHeaders.Authorization =
                new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        }

        return client;
    }

    /// <summary>A client sending a freshly issued enterprise token for the credit code (the data tracker).</summary>
    public HttpClient ClientForEnterprise(string creditCode)
    {
        var client = CreateClient();
        var token = Services.GetRequiredService<ProductQuality.Graph.Access.EnterpriseTokens.EnterpriseTokenIssuer>()
            .Issue(creditCode, TimeSpan.FromMinutes(10));
        client.DefaultRequestHeaders.Authorization =
            new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
