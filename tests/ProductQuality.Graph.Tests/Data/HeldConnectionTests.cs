using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using ProductQuality.Graph.Tests.Infrastructure;
using ProductQuality.Graph.Tests.Limits;

namespace ProductQuality.Graph.Tests.Data;

/// <summary>
/// A GraphQL request on SQLite opens one connection for all its statements and closes it when it has run: EF opens
/// and closes around each statement, and each SQLite opening registers EF's functions on the native connection again
/// (a status request made three). Counted by an interceptor on a server of its own, nothing else running in it.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class HeldConnectionTests(GraphServerFactory factory)
{
    /// <summary>A status query of three statements (enterprise, products, inspections).</summary>
    internal const string Status = """
        query($code: String!) {
          enterprise(creditCode: $code) {
            creditCode class products { code tier } inspections(limit: 3) { reportNumber failedItems { name } }
          }
        }
        """;

    [Fact]
    public async Task A_request_opens_one_connection_for_all_its_statements_and_closes_it()
    {
        var (server, counts) = Server();
        using var _ = server;
        var client = server.ClientFor("samr-jiaxing");
        var code = await AnyCodeAsync(client);

        var before = counts.Snapshot();
        for (var i = 0; i < 5; i++)
        {
            (await client.PostAsync(Status, new { code })).EnsureData();
        }

        var during = counts.Snapshot() - before;
        Assert.True(during.Statements >= 15, $"{during.Statements} statements in 5 requests");
        Assert.Equal(5, during.Openings);
        Assert.Equal(5, during.Closings);
    }

    [Fact]
    public async Task Requests_that_fail_or_run_side_by_side_close_every_connection_they_open()
    {
        var (server, counts) = Server();
        using var _ = server;
        var client = server.ClientFor("samr-jiaxing");
        var code = await AnyCodeAsync(client);
        var before = counts.Snapshot();

        var requests = Enumerable.Range(0, 24).Select(i => (i % 4) switch
        {
            0 => client.PostAsync(Status, new { code }),
            1 => client.PostAsync("{ enterprises(first: 5) { items { name products { code } } } }"),
            2 => client.PostAsync("{ enterprises(first: 5) { items { name nope } } }"), // invalid: never runs
            _ => client.PostAsync(Status, new { code = "not a credit code" }), // refused by its resolver
        });
        var replies = await Task.WhenAll(requests);

        Assert.All(replies, r => Assert.True((int)r.Status < 500, r.Body));
        var during = counts.Snapshot() - before;
        Assert.Equal(12, during.Openings);
        Assert.Equal(during.Openings, during.Closings);
    }

    private (LimitedServer Server, ConnectionCounts Counts) Server()
    {
        var counts = new ConnectionCounts();
        var server = new LimitedServer(factory, new Dictionary<string, string> { ["AccessLog:Enabled"] = "false" },
            s => s.AddSingleton<IInterceptor>(counts));
        return (server, counts);
    }

    private static async Task<string> AnyCodeAsync(HttpClient client) =>
        (await client.PostAsync("{ enterprises(first: 1) { items { creditCode } } }")).EnsureData().Data
        .GetProperty("enterprises").GetProperty("items")[0].GetProperty("creditCode").GetString()!;
}
