using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using ProductQuality.Graph.Access.Tokens;
using ProductQuality.Graph.Tests.Infrastructure;

namespace ProductQuality.Graph.Tests.Limits;

/// <summary>
/// The execution timeout on PostgreSQL, where cancelling means a cancel request to the database server. A database
/// of its own (migrated, not seeded): the shared one's factory creates its database when configured, so a second
/// host cannot be derived from it as on SQLite.
/// </summary>
public sealed class TimeoutOnPostgresTests
{
    [PostgresFact]
    public async Task A_query_running_past_the_timeout_is_stopped_with_query_timeout()
    {
        using var database = new PostgresServerFactory();
        using var server = database.WithWebHostBuilder(builder => builder
            .UseSetting("Database:SeedWhenEmpty", "false")
            .UseSetting("GraphQL:Limits:ExecutionTimeoutMs", "1"));
        using var client = server.CreateClient();
        var token = server.Services.GetRequiredService<DevelopmentTokenIssuer>()
            .Issue("samr-jiaxing", "test", TimeSpan.FromMinutes(10));
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);

        var reply = await client.PostAsync(
            "{ enterprises(first: 400) { totalCount edges { node { name products { name } classHistory { class } " +
            "inspections(limit: 2) { passed } } } } city { children { children { code colour } } } }");

        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.Equal("QUERY_TIMEOUT", reply.FirstErrorCode);
    }
}
