using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace ProductQuality.Graph.Tests.Infrastructure;

/// <summary>
/// The real server pipeline over a real SQLite file, seeded once per test run with a small deterministic data set
/// whose "today" is pinned, so snapshots stay stable. Only configuration is overridden.
/// </summary>
public class GraphServerFactory : WebApplicationFactory<Program>
{
    public const int Enterprises = 400;

    /// <summary>Test-only HMAC key (never used outside tests): tokens the bearer pipeline really validates.</summary>
    public const string TestSigningKey = "dGVzdC1vbmx5LWtleS1mb3ItcHJvZHVjdHF1YWxpdHktZ3JhcGg=";
    private readonly string _databasePath = Path.Combine(Path.GetTempPath(), $"pq-tests-{Guid.NewGuid():N}.db");

    public SqlCounter Sql { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:ConnectionString", $"Data Source={_databasePath}");
        builder.UseSetting("Database:SeedEnterprises", Enterprises.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Database:SeedToday", "2026-11-28");
        builder.UseSetting("Clock:Today", "2026-11-28");
        builder.UseSetting("Auth:SigningKey", TestSigningKey);
        builder.ConfigureTestServices(services => services.AddSingleton<IInterceptor>(Sql));
    }

    /// <summary>A client sending a freshly minted token of the department (null: anonymous).</summary>
    public HttpClient ClientFor(string? department)
    {
        var client = CreateClient();
        if (department is not null)
        {
            var token = Services.GetRequiredService<ProductQuality.Graph.Access.Tokens.DevelopmentTokenIssuer>().Issue(department, "test", TimeSpan.FromMinutes(10));
            client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        }

        return client;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(_databasePath + suffix);
        }
    }
}
