namespace ProductQuality.Graph.Infrastructure.Http;

/// <summary>
/// A GraphQL-over-HTTP request once read off GET parameters or a POST body; variables stay raw JSON until execution.
/// </summary>
internal sealed record GraphQLHttpRequest(
    string Query, string? OperationName, string? VariablesJson, string? ExtensionsJson);
