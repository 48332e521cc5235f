using System.Text.Json;
using ProductQuality.Graph.Audit;
using ProductQuality.Graph.Tests.Audit;

namespace ProductQuality.Graph.Tests.WebSockets;

/// <summary>
/// A query stopped by the execution timeout is the same refusal over WebSocket as over HTTP: QUERY_TIMEOUT with the
/// same message and numbers, logged LIMITED with nobody's data. Over WebSocket it was GraphQL.NET's own TIMEOUT,
/// logged VALIDATION_ERROR with the field groups of resolvers whose answer was dropped.
/// </summary>
public sealed class WebSocketTimeoutTests(WebSocketTimeoutTests.Server server)
    : IClassFixture<WebSocketTimeoutTests.Server>
{
    private const string Slow = "{ enterprises(first: 400) { totalCount edges { node { name products { name } "
        + "classHistory { class } inspections(limit: 2) { passed } } } } }";

    [Fact]
    public async Task A_query_past_the_timeout_is_QUERY_TIMEOUT_and_logged_limited_without_data()
    {
        // The deadline is a timer: on a loaded machine a fast execution may finish first, and is asked again.
        JsonElement answer;
        string purpose;
        var attempts = 0;
        do
        {
            purpose = AccessLogProbe.NewPurpose("ws-timeout");
            await using var client = await WsClient.ConnectAsync(server.Address, purpose: purpose);
            await client.InitAsync(server.Token("samr-jiaxing"));
            _ = await client.ReceiveAsync();
            await client.SendAsync(JsonSerializer.Serialize(new { id = "slow", type = "subscribe",
                payload = new { query = Slow } }));
            answer = (await client.ReceiveAsync())!.Value;
        }
        while (++attempts < 5 && answer.GetProperty("type").GetString() == "next"
            && answer.GetProperty("payload").TryGetProperty("data", out var data)
            && data.ValueKind != JsonValueKind.Null);

        Assert.Equal("error", answer.GetProperty("type").GetString());
        var error = answer.GetProperty("payload")[0];
        // HTTP's answer to the same refusal (Limits/RateAndTimeoutTests), word for word, and its numbers.
        Assert.Equal("QUERY_TIMEOUT", error.GetProperty("extensions").GetProperty("code").GetString());
        Assert.Equal($"The query did not finish within {Server.TimeoutMs} ms and was stopped. Ask for smaller pages or "
            + "fewer nested lists, or split it into several requests.", error.GetProperty("message").GetString());
        Assert.Equal(Server.TimeoutMs, error.GetProperty("extensions").GetProperty("timeoutMs").GetInt64());
        Assert.Equal(Server.TimeoutMs, error.GetProperty("extensions").GetProperty("limit").GetInt64());

        var entry = await server.EntryAsync(purpose);
        WebSocketRefusalLogTests.AssertRefused(entry, 400, "QUERY_TIMEOUT", AccessOutcome.Limited);
    }

    /// <summary>
    /// The WebSocket test server with an execution timeout of 20 ms: the query takes some 60 ms here once warm (the
    /// auditor's 150 ms stopped only the first, cold one, too seldom for a test).
    /// </summary>
    public sealed class Server() : WebSocketServer(new Dictionary<string, string>
    {
        ["GraphQL:Limits:ExecutionTimeoutMs"] = TimeoutMs.ToString(System.Globalization.CultureInfo.InvariantCulture),
    })
    {
        public const int TimeoutMs = 20;
    }
}
