using System.Net;
using System.Text.Json;

namespace ProductQuality.Graph.Tests.Infrastructure;

/// <summary>An HTTP reply to a GraphQL request: status, content type and the JSON body.</summary>
public sealed record GraphQLReply(HttpStatusCode Status, string? ContentType, string Body, HttpResponseMessage Response)
{
    public JsonElement Json => JsonDocument.Parse(Body).RootElement;

    public JsonElement Data => Json.GetProperty("data");

    public bool HasErrors => Body.Length > 0 && Json.TryGetProperty("errors", out _);

    public string FirstErrorCode =>
        Json.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString()!;

    public string FirstErrorMessage => Json.GetProperty("errors")[0].GetProperty("message").GetString()!;

    public static async Task<GraphQLReply> ReadAsync(HttpResponseMessage response) =>
        new(response.StatusCode, response.Content.Headers.ContentType?.ToString(),
            await response.Content.ReadAsStringAsync(), response);

    /// <summary>
    /// Fails with the body when the reply is not a clean 200 with data, so test failures explain themselves.
    /// </summary>
    public GraphQLReply EnsureData()
    {
        Assert.True(Status == HttpStatusCode.OK && !HasErrors,
            $"Expected data without errors, got {(int)Status}: {Body}");
        return this;
    }
}
