using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace ProductQuality.Graph.Tests.Infrastructure;

/// <summary>Sends GraphQL over HTTP the way a partner system would, and hands back status and parsed body.</summary>
public static class GraphQLHttp
{
    public const string ResponseMediaType = "application/graphql-response+json";

    public static async Task<GraphQLReply> PostAsync(this HttpClient client, string query, object? variables = null,
        string? operationName = null, string accept = ResponseMediaType)
    {
        var body = JsonSerializer.Serialize(new { query, variables, operationName });
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json")
        };
        request.Headers.Accept.Add(MediaTypeWithQualityHeaderValue.Parse(accept));
        return await GraphQLReply.ReadAsync(await client.SendAsync(request));
    }

    public static async Task<GraphQLReply> SendRawAsync(this HttpClient client, HttpMethod method, string url,
        string? body = null, string? contentType = "application/json", string? accept = ResponseMediaType)
    {
        using var request = new HttpRequestMessage(method, url);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8);
            request.Content.Headers.ContentType = contentType is null ? null : MediaTypeHeaderValue.Parse(contentType);
        }

        if (accept is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept", accept);
        }

        return await GraphQLReply.ReadAsync(await client.SendAsync(request));
    }
}
