using System.Text.Json;

namespace ProductQuality.Graph.Infrastructure.Http;

/// <summary>
/// What a refused request sent, as far as it could be read: the access log records its operation name and the
/// hashes of its document and variables for a refused request as for an answered one. A persisted query's hash sent
/// alone (Apollo's and urql's first try of every operation) was logged without the operation's name.
/// </summary>
internal sealed record SentRequest(string? Query, string? OperationName, string? VariablesJson)
{
    /// <summary>From a request object (a POST body, a subscribe payload); null when it names nothing.</summary>
    public static SentRequest? In(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var query = root.TryGetProperty("query", out var q) && q.ValueKind == JsonValueKind.String
            ? UnicodeText.Read(q) : null;
        var operationName = root.TryGetProperty("operationName", out var o) && o.ValueKind == JsonValueKind.String
            ? UnicodeText.Read(o) : null;
        var variables = root.TryGetProperty("variables", out var v) && v.ValueKind != JsonValueKind.Null
            ? v.GetRawText() : null;
        return Of(query, operationName, variables);
    }

    /// <summary>
    /// Notes it in a refused request's entry: the operation name sent, or else its document's one operation's (a
    /// document over the limit is not parsed for it: the limit is what keeps parsing cheap).
    /// </summary>
    public void NoteIn(Audit.AccessTrace trace, int maxDocumentLength)
    {
        trace.Request(Query, VariablesJson, OperationName);
        NameOperation(trace, Query, OperationName, maxDocumentLength);
    }

    /// <summary>
    /// A refused request that names no operation is logged under its document's one operation, as an answered one
    /// is; <paramref name="known"/> may give the document already parsed (the document cache).
    /// </summary>
    public static void NameOperation(Audit.AccessTrace trace, string? query, string? operationName,
        int maxDocumentLength, Func<string, GraphQLParser.AST.GraphQLDocument?>? known = null)
    {
        ArgumentNullException.ThrowIfNull(trace);
        if (operationName is null && query is not null && query.Length <= maxDocumentLength
            && (known?.Invoke(query) ?? DocumentParser.Parse(query).Document) is { } document)
        {
            trace.Runs(OperationTypeCheck.SelectedOperation(document, operationName: null));
        }
    }

    /// <summary>From GET parameters (each empty when absent); null when they name nothing.</summary>
    public static SentRequest? Of(string? query, string? operationName, string? variablesJson)
    {
        query = string.IsNullOrEmpty(query) ? null : query;
        operationName = string.IsNullOrEmpty(operationName) ? null : operationName;
        return query is null && operationName is null
            ? null
            : new SentRequest(query, operationName, string.IsNullOrEmpty(variablesJson) ? null : variablesJson);
    }
}
