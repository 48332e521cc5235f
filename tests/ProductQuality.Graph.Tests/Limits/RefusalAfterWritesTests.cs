using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using ProductQuality.Graph.Audit;
using ProductQuality.Graph.Infrastructure.Http.Limits;

namespace ProductQuality.Graph.Tests.Limits;

/// <summary>
/// A write that committed and then ran past the timeout was answered "did not finish … and was stopped" with nothing
/// saying it was recorded (the writes probe, on PostgreSQL: a lock held after the commit). A limit refusal written
/// after the request's writes committed now lists them, as the access log's 503 does; one that wrote nothing is as
/// before.
/// </summary>
public sealed class RefusalAfterWritesTests
{
    private static readonly LimitRefusal Timeout = LimitRefusal.BadRequest("QUERY_TIMEOUT",
        "The write did not finish within 10000 ms and was stopped.", "timeoutMs", 10_000, 10_000);

    [Fact]
    public async Task A_timeout_after_a_committed_write_lists_it_in_the_message_and_in_recordedWrites()
    {
        var trace = new AccessTrace(DateTime.UtcNow, Stopwatch.GetTimestamp());
        trace.Committed("recordManagementStatus", "LY-1", unloggedWriteId: 7);

        var error = await RefuseAsync(trace);

        Assert.StartsWith("The write did not finish within 10000 ms and was stopped. ", Message(error),
            StringComparison.Ordinal);
        Assert.Contains("LY-1", Message(error), StringComparison.Ordinal);
        var listed = Assert.Single(error.GetProperty("extensions").GetProperty("recordedWrites").EnumerateArray());
        Assert.Equal("recordManagementStatus", listed.GetProperty("operation").GetString());
        Assert.Equal("LY-1", listed.GetProperty("idempotencyKey").GetString());
        Assert.Equal("QUERY_TIMEOUT", error.GetProperty("extensions").GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_timeout_of_a_request_that_wrote_nothing_says_only_the_timeout()
    {
        var error = await RefuseAsync(new AccessTrace(DateTime.UtcNow, Stopwatch.GetTimestamp()));

        Assert.Equal("The write did not finish within 10000 ms and was stopped.", Message(error));
        Assert.False(error.GetProperty("extensions").TryGetProperty("recordedWrites", out _));
    }

    private static async Task<JsonElement> RefuseAsync(AccessTrace trace)
    {
        var http = new DefaultHttpContext();
        http.Features.Set(trace);
        using var body = new MemoryStream();
        http.Response.Body = body;
        await LimitRefusalWriter.WriteAsync(http, Timeout, "application/graphql-response+json");
        return JsonDocument.Parse(body.ToArray()).RootElement.GetProperty("errors")[0].Clone();
    }

    private static string Message(JsonElement error) => error.GetProperty("message").GetString()!;
}
