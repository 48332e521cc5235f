using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore.Diagnostics;
using ProductQuality.Graph.Bench.Plain;

namespace ProductQuality.Graph.Bench.Hosting;

/// <summary>
/// The real server composition (<see cref="ServerComposition"/>, as the server's Program.cs) on in-process Kestrel,
/// plus the plain comparison endpoints. Only configuration is overridden: the database, quieter logging and no daily
/// re-evaluation (its catch-up run at start would write while the first scenario is measured).
/// </summary>
internal static class BenchServer
{
    public static async Task<(WebApplication App, Uri BaseAddress, SqlStatementCounter Sql)> StartAsync(
        BenchOptions options, IReadOnlyDictionary<string, string?>? settings = null)
    {
        // No command-line args: the bench's own options are not server configuration.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = [],
            EnvironmentName = Environments.Production,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = options.Postgres is null ? "Sqlite" : "Postgres",
            ["Database:ConnectionString"] = options.Postgres ?? $"Data Source={options.DatabasePath}",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
            ["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "Warning",
            ["Maintenance:Enabled"] = "false",
        });
        builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>());
        builder.Configuration.AddInMemoryCollection(options.ServerSettings);

        // Loopback only, on a port the OS picks (free by construction, no probing race).
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var sql = new SqlStatementCounter();
        builder.Services.AddSingleton<IInterceptor>(sql);
        builder.AddProductQualityServer();

        var app = builder.Build();
        await app.PrepareProductQualityServerAsync();
        app.MapPlainComparison();
        await app.StartAsync();

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!
            .Addresses.Single();
        return (app, new Uri(address), sql);
    }
}
