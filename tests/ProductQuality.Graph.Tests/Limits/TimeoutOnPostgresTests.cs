using System.Net;
using ProductQuality.Graph.Tests.Infrastructure;

namespace ProductQuality.Graph.Tests.Limits;

/// <summary>The execution timeout on PostgreSQL, where cancelling means a cancel request to the database server.</summary>
[Collection(ServerCollection.Name)]
public sealed class TimeoutOnPostgresTests(PostgresServerFactory factory)
{
    [PostgresFact]
    public async Task A_query_running_past_the_timeout_is_stopped_with_query_timeout()
    {
        using var server = new LimitedServer(factory, new Dictionary<string, string>
        {
            ["GraphQL:Limits:ExecutionTimeoutMs"] = "1",
        });

        var reply = await server.ClientFor("samr-jiaxing").PostAsync(
            "{ enterprises(first: 400) { totalCount edges { node { name products { name } classHistory { class } " +
            "inspections(limit: 2) { passed } } } } }");

        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.Equal("QUERY_TIMEOUT", reply.FirstErrorCode);
    }
}
