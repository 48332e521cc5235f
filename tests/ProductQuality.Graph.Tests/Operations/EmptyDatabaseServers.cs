using Microsoft.AspNetCore.Hosting;
using ProductQuality.Graph.Tests.Infrastructure;

namespace ProductQuality.Graph.Tests.Operations;

/// <summary>
/// Servers over a database of their own, migrated but not seeded (quick to make), for tests that take the database
/// away. A short check timeout keeps a probe against a locked database quick.
/// </summary>
public sealed class EmptySqliteServer : GraphServerFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Database:SeedWhenEmpty", "false");
        builder.UseSetting("Health:CheckTimeoutSeconds", "1");
    }
}

/// <summary>The same over a PostgreSQL database of its own (dropped on dispose, if still there).</summary>
public sealed class EmptyPostgresServer : PostgresServerFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Database:SeedWhenEmpty", "false");
        builder.UseSetting("Health:CheckTimeoutSeconds", "2");
    }
}
