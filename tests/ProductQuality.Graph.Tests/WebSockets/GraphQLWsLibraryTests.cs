using System.Text.Json;

namespace ProductQuality.Graph.Tests.WebSockets;

/// <summary>
/// The graphql-ws library's own client (npm), unchanged, against the server: it connects with a department's token
/// in connectionParams and gets its answer; a bad token ends in the protocol's 4403 with the reason.
/// </summary>
public sealed class GraphQLWsLibraryTests(WebSocketServer server) : IClassFixture<WebSocketServer>
{
    [GraphQLWsClientFact]
    public async Task The_graphql_ws_client_runs_an_operation_with_a_department_token()
    {
        var (exit, events, error) = await GraphQLWsClient.RunAsync(
            server.Address, server.Token("finance"), "{ enterprises(first: 2) { totalCount } }");
        Assert.True(exit == 0, error);
        var data = JsonDocument.Parse(Assert.Single(events)).RootElement.GetProperty("data");
        Assert.True(data.GetProperty("enterprises").GetProperty("totalCount").GetInt32() > 0);
    }

    [GraphQLWsClientFact]
    public async Task The_graphql_ws_client_is_told_why_a_bad_token_is_refused()
    {
        var (exit, _, error) = await GraphQLWsClient.RunAsync(server.Address, "x.y.z", "{ __typename }");
        Assert.Equal(3, exit);
        var closed = JsonDocument.Parse(error.Trim().Split('\n')[^1]).RootElement;
        Assert.Equal(4403, closed.GetProperty("closed").GetInt32());
        Assert.StartsWith("INVALID_TOKEN", closed.GetProperty("reason").GetString(), StringComparison.Ordinal);
    }
}
