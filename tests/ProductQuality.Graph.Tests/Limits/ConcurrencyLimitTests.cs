using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using ProductQuality.Graph.Tests.Infrastructure;
using ProductQuality.Graph.Tests.WebSockets;

namespace ProductQuality.Graph.Tests.Limits;

/// <summary>
/// Requests executing at once, per department: the rate (600 a minute) let one department run dozens of costly
/// requests in parallel and take every core from the others. Past its places a request waits its turn, past its
/// queue it is refused at once (429 TOO_MANY_CONCURRENT_REQUESTS), and a wait is bounded by the execution timeout;
/// other departments are not held up. A request is kept running by <see cref="ExecutionGate"/>, not by a slow query.
/// </summary>
public sealed class ConcurrencyLimitTests(ConcurrencyLimitTests.Server server)
    : IClassFixture<ConcurrencyLimitTests.Server>
{
    /// <summary>Long enough that nothing in a test runs into it by accident, short enough to wait for once.</summary>
    private const int TimeoutMs = 4000;

    private static readonly TimeSpan Moment = TimeSpan.FromMilliseconds(700);

    [Fact]
    public async Task Past_its_places_a_request_waits_and_past_its_queue_it_is_refused_while_others_are_served()
    {
        var finance = server.ClientFor("finance");
        var (held, running) = await HoldAsync(finance, "HeldA");

        // finance may run one and queue one: of the next two, one waits and the other is refused at once. Both send
        // a named document without operationName: the refusal is logged under the document's operation.
        var (purposeOfSecond, purposeOfThird) = (Audit.AccessLogProbe.NewPurpose("2nd"),
            Audit.AccessLogProbe.NewPurpose("3rd"));
        var second = Audit.AccessLogProbe.PostAsync(finance, "query Queued { __typename }", purposeOfSecond);
        var third = Audit.AccessLogProbe.PostAsync(finance, "query Queued { __typename }", purposeOfThird);
        var first = await Task.WhenAny(second, third).WaitAsync(TimeSpan.FromSeconds(30));
        var refused = await first;
        var waiting = first == second ? third : second;
        var refusedEntry = await EntryAsync(first == second ? purposeOfSecond : purposeOfThird);
        Assert.Equal(("Queued", "TOO_MANY_CONCURRENT_REQUESTS"), (refusedEntry.OperationName, refusedEntry.ErrorCode));

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.Status);
        Assert.Equal("TOO_MANY_CONCURRENT_REQUESTS", refused.FirstErrorCode);
        Assert.Equal(TimeSpan.FromSeconds(1), refused.Response.Headers.RetryAfter?.Delta);
        var extensions = refused.Json.GetProperty("errors")[0].GetProperty("extensions");
        Assert.Equal(1, extensions.GetProperty("limit").GetInt32());
        Assert.Equal(1, extensions.GetProperty("queueLimit").GetInt32());
        Assert.Contains("department 'finance' may have 1 executing at a time", refused.FirstErrorMessage,
            StringComparison.Ordinal);

        // Another department is not held up by finance's requests, nor its answer by the waiting one.
        (await server.ClientFor("drc").PostAsync("{ __typename }")).EnsureData();
        Assert.False(await Finishes(waiting, Moment), "a request past finance's one place ran before it was free");

        held.Release();
        (await running).EnsureData();
        (await waiting.WaitAsync(TimeSpan.FromSeconds(30))).EnsureData();
    }

    [Fact]
    public async Task A_request_that_waits_past_the_execution_timeout_is_refused_saying_so()
    {
        var industry = server.ClientFor("industry-access");
        var (held, running) = await HoldAsync(industry, "HeldB");

        var waited = await industry.PostAsync("{ __typename }").WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(HttpStatusCode.TooManyRequests, waited.Status);
        Assert.Equal("TOO_MANY_CONCURRENT_REQUESTS", waited.FirstErrorCode);
        Assert.Contains($"waited {TimeoutMs / 1000} s for one of them to finish", waited.FirstErrorMessage,
            StringComparison.Ordinal);
        held.Release();
        (await running).EnsureData();
    }

    [Fact]
    public async Task A_query_over_WebSocket_takes_a_place_as_over_HTTP()
    {
        var (held, running) = await HoldAsync(server.ClientFor("finance"), "HeldC");

        await using var client = await WsClient.ConnectAsync(server.Address);
        await client.InitAsync(server.Token("finance"));
        Assert.Equal("connection_ack", (await client.ReceiveAsync())!.Value.GetProperty("type").GetString());
        await client.SendAsync(JsonSerializer.Serialize(new
        {
            id = "q", type = "subscribe", payload = new { query = "{ __typename }" },
        }));
        var answer = client.ReceiveAsync();
        Assert.False(await Finishes(answer, Moment), "a query over WebSocket ran past finance's one place");

        held.Release();
        (await running).EnsureData();
        var next = (await answer.WaitAsync(TimeSpan.FromSeconds(30)))!.Value;
        Assert.Equal("next", next.GetProperty("type").GetString());
    }

    /// <summary>
    /// A caller that gives up while its request waits for a place was logged as refused for sending too many
    /// (TOO_MANY_CONCURRENT_REQUESTS, "limited"): what its leaving caused, not what happened. The access log says it
    /// went away (CANCELLED, 499) and that nothing was delivered. A caller leaving in any other state is logged as its
    /// request ended (below: a refused token stays refused).
    /// </summary>
    [Fact]
    public async Task A_caller_that_leaves_while_waiting_is_logged_as_gone_not_as_refused()
    {
        var finance = server.ClientFor("finance");
        var (held, running) = await HoldAsync(finance, "HeldD");
        var purpose = Audit.AccessLogProbe.NewPurpose("leaves");
        using (var leave = new CancellationTokenSource())
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
            {
                Content = new StringContent(
                    """{"query":"{ enterprises(first: 2) { edges { node { creditCode } } } }"}""",
                    System.Text.Encoding.UTF8, "application/json"),
            };
            request.Headers.Add("X-Purpose", purpose);
            var waiting = finance.SendAsync(request, leave.Token);
            await Task.Delay(Moment);
            leave.Cancel();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        }

        // Logged while the place is still taken: the server learns of the leaving while the request waits. (Released
        // first, a loaded CI machine let the request get its place and answer before the server learnt the caller had
        // gone: then it is logged as answered, which is all the server knew.)
        var entry = await EntryAsync(purpose);
        held.Release();
        (await running).EnsureData();
        Assert.Equal((Graph.Audit.AccessOutcome.Cancelled, 499, "CLIENT_CLOSED_REQUEST"),
            (entry.Outcome, entry.Status, entry.ErrorCode));
    }

    /// <summary>
    /// A caller that closes its side right after sending is logged as its request ended: a bad token stays a 401
    /// (an override of every request whose caller had left hid refused tokens as CANCELLED — the re-probe's finding).
    /// </summary>
    [Fact]
    public async Task A_caller_that_half_closes_after_a_refused_token_is_logged_as_refused()
    {
        var purpose = Audit.AccessLogProbe.NewPurpose("half-close");
        const string Body = """{"query":"{ __typename }"}""";
        using var tcp = new System.Net.Sockets.TcpClient();
        await tcp.ConnectAsync(server.Address.Host, server.Address.Port);
        var stream = tcp.GetStream();
        await stream.WriteAsync(System.Text.Encoding.ASCII.GetBytes(
            $"POST /graphql HTTP/1.1\r\nHost: {server.Address.Authority}\r\nContent-Type: application/json\r\n"
            + $"Authorization: Bearer abc.def.ghi\r\nX-Purpose: {purpose}\r\nContent-Length: {Body.Length}\r\n\r\n"
            + Body));
        tcp.Client.Shutdown(System.Net.Sockets.SocketShutdown.Send);

        var entry = await EntryAsync(purpose);
        Assert.Equal((Graph.Audit.AccessOutcome.Unauthorised, 401, "INVALID_TOKEN"),
            (entry.Outcome, entry.Status, entry.ErrorCode));
    }

    /// <summary>
    /// A caller gone while its request executed, before any data was read for it, was logged 200 "OK" (the CI run
    /// that found it: the queued caller's cancel landed after it got its place). Nothing was read or sent.
    /// </summary>
    [Fact]
    public async Task A_caller_gone_while_its_request_ran_before_reading_data_is_logged_as_gone()
    {
        var held = server.Gate.Hold("HeldE");
        var purpose = Audit.AccessLogProbe.NewPurpose("gone-running");
        using (var leave = new CancellationTokenSource())
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
            {
                Content = new StringContent("""{"query":"query HeldE { __typename }","operationName":"HeldE"}""",
                    System.Text.Encoding.UTF8, "application/json"),
            };
            request.Headers.Add("X-Purpose", purpose);
            var running = server.ClientFor("drc").SendAsync(request, leave.Token);
            await held.Entered.Task.WaitAsync(TimeSpan.FromSeconds(30));
            leave.Cancel();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => running);
        }

        // Released once the server knows: before it, the query may answer first, and is then logged as answered.
        await held.Abandoned.Task.WaitAsync(TimeSpan.FromSeconds(30));
        held.Release();
        var entry = await EntryAsync(purpose);
        Assert.Equal((Graph.Audit.AccessOutcome.Cancelled, 499, "CLIENT_CLOSED_REQUEST"),
            (entry.Outcome, entry.Status, entry.ErrorCode));
    }

    private async Task<Graph.Audit.AccessLogEntry> EntryAsync(string purpose)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            var entry = await server.DbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions
                .SingleOrDefaultAsync(db.AccessLog, e => e.Purpose == purpose));
            if (entry is not null || waited.Elapsed > TimeSpan.FromSeconds(30))
            {
                return entry ?? throw new InvalidOperationException($"No access log entry for {purpose}.");
            }

            await Task.Delay(100);
        }
    }

    /// <summary>A request of the client's department kept executing (holding a place) until released.</summary>
    private async Task<(ExecutionGate.Held Held, Task<GraphQLReply> Running)> HoldAsync(HttpClient client, string name)
    {
        var held = server.Gate.Hold(name);
        var running = client.PostAsync($"query {name} {{ __typename }}", operationName: name);
        await held.Entered.Task.WaitAsync(TimeSpan.FromSeconds(30));
        return (held, running);
    }

    private static async Task<bool> Finishes(Task task, TimeSpan within) =>
        await Task.WhenAny(task, Task.Delay(within)) == task;

    /// <summary>
    /// finance and industry-access may run one request at a time and queue one; the others keep the defaults.
    /// </summary>
    public sealed class Server()
        : WebSocketServer(new Dictionary<string, string>
        {
            ["Access:Departments:finance:Limits:MaxConcurrentRequests"] = "1",
            ["Access:Departments:finance:Limits:MaxQueuedRequests"] = "1",
            ["Access:Departments:industry-access:Limits:MaxConcurrentRequests"] = "1",
            ["Access:Departments:industry-access:Limits:MaxQueuedRequests"] = "1",
            ["GraphQL:Limits:ExecutionTimeoutMs"] =
                TimeoutMs.ToString(System.Globalization.CultureInfo.InvariantCulture),
        })
    {
        public ExecutionGate Gate => Services.GetRequiredService<ExecutionGate>();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(ExecutionGate.Install);
        }
    }
}
