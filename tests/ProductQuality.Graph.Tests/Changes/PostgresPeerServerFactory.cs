using Microsoft.AspNetCore.Hosting;
using ProductQuality.Graph.Tests.Infrastructure;

namespace ProductQuality.Graph.Tests.Changes;

/// <summary>
/// A second server on a PostgreSQL database another factory created and seeded: several servers on one database,
/// as production runs them. It neither creates nor drops the database.
/// </summary>
public sealed class PostgresPeerServerFactory(string connectionString) : TestServerFactory
{
    protected override void ConfigureDatabase(IWebHostBuilder builder)
    {
        builder.UseSetting("Database:Provider", "Postgres");
        builder.UseSetting("Database:ConnectionString", connectionString);
    }
}
