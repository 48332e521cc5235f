using System.Buffers;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace ProductQuality.Graph.Infrastructure.Http;

/// <summary>
/// Reads a GraphQL request from GET parameters or a POST JSON body, per the GraphQL over HTTP specification,
/// and says precisely what is wrong with one it cannot accept.
/// </summary>
internal static partial class GraphQLRequestReader
{
    public static (GraphQLHttpRequest? Request, RequestError? Error) FromQueryString(
        HttpRequest http, GraphQLHttpOptions options)
    {
        var (request, error) = ReadQueryString(http, options);
        if (error is null || PercentEncoding.Problem(http.QueryString.Value) is not null)
        {
            return (request, error);
        }

        var q = http.Query;
        var sent = SentRequest.Of(ValidText(q["query"].ToString()), ValidText(q["operationName"].ToString()),
            q["variables"].ToString());
        return (null, error with { Sent = sent });
    }

    private static string? ValidText(string text) => UnicodeText.FirstInvalid(text) is null ? text : null;

    private static (GraphQLHttpRequest? Request, RequestError? Error) ReadQueryString(
        HttpRequest http, GraphQLHttpOptions options)
    {
        if (PercentEncoding.Problem(http.QueryString.Value) is { } encoding)
        {
            return (null, RequestError.BadRequest("INVALID_REQUEST", $"The query string {encoding}."));
        }

        var q = http.Query;
        foreach (var key in new[] { "query", "operationName", "variables", "extensions" })
        {
            if (q[key].Count > 1)
            {
                return (null, RequestError.BadRequest("INVALID_REQUEST",
                    $"The '{key}' parameter is given more than once."));
            }
        }

        var query = q["query"].ToString();
        if (string.IsNullOrEmpty(query) && AsksPersistedQuery(q["extensions"].ToString()))
        {
            return (null, PersistedQueryNotSupported);
        }

        if (UnicodeText.FirstInvalid(query, q["operationName"].ToString()) is { } invalid)
        {
            return (null, UnicodeText.Invalid(invalid == 0 ? "query" : "operationName", "INVALID_REQUEST"));
        }

        if (string.IsNullOrWhiteSpace(query))
        {
            return (null, PersistedDocumentIds.FirstOrDefault(id => q[id].Count > 0) is { } id
                ? PersistedDocumentNotSupported(id)
                : RequestError.BadRequest("QUERY_MISSING",
                    "A GET request needs a 'query' parameter holding the GraphQL document."));
        }

        var (variables, variablesProblem) = JsonObjectParameter(q["variables"].ToString());
        var (extensions, extensionsProblem) = JsonObjectParameter(q["extensions"].ToString());
        if ((variablesProblem ?? extensionsProblem) is { } problem)
        {
            var name = variablesProblem is not null ? "variables" : "extensions";
            return (null, RequestError.BadRequest("INVALID_REQUEST", $"The '{name}' parameter {problem}."));
        }

        return Check(
            new GraphQLHttpRequest(query, NullIfEmpty(q["operationName"].ToString()), variables, extensions), options);
    }

    public static async Task<(GraphQLHttpRequest? Request, RequestError? Error)> FromBodyAsync(
        HttpRequest http, GraphQLHttpOptions options)
    {
        if (http.ContentLength > options.MaxRequestBytes)
        {
            return (null, TooLarge(options));
        }

        // The body goes into one pooled buffer, sized by Content-Length when given: a fresh 16 KB chunk and a
        // growing MemoryStream per request were most of what the GraphQL side allocated beyond its plain twin.
        // The buffer may be returned at the end: the parsed document is disposed before then, and what the request
        // keeps (the query, the variables' raw JSON) are strings.
        var expected = http.ContentLength + 1 ?? 4096;
        var buffer = ArrayPool<byte>.Shared.Rent((int)Math.Min(expected, options.MaxRequestBytes + 1L));
        try
        {
            var length = 0;
            while (true)
            {
                if (length == buffer.Length)
                {
                    buffer = Grow(buffer, length);
                }

                var (read, refused) = await ReadSomeAsync(http, buffer.AsMemory(length), options);
                if (refused is not null)
                {
                    return (null, refused);
                }

                if (read == 0)
                {
                    break;
                }

                length += read;
                if (length > options.MaxRequestBytes)
                {
                    return (null, TooLarge(options));
                }
            }

            return length == 0
                ? (null, RequestError.BadRequest("BODY_MISSING",
                    "The request body is empty: POST a JSON object such as {\"query\": \"{ __typename }\"}."))
                : Parse(buffer.AsMemory(0, length), options);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    // Kestrel refuses a body that arrives too slowly (MinRequestBodyDataRate), is too large, or ends before its
    // Content-Length by throwing from the read. Each is the client's doing, answered with its status (it was a 500).
    private static async ValueTask<(int Read, RequestError? Refused)> ReadSomeAsync(HttpRequest http,
        Memory<byte> into, GraphQLHttpOptions options)
    {
        try
        {
            return (await http.Body.ReadAsync(into, http.HttpContext.RequestAborted), null);
        }
        catch (BadHttpRequestException ex)
        {
            return (0, ex.StatusCode == StatusCodes.Status413PayloadTooLarge ? TooLarge(options) : Unreadable(ex));
        }
        catch (IOException ex)
        {
            return CallerLeft(http.HttpContext, ex) ? throw new CallerLeftException(ex) : (0, BrokenBody);
        }
    }

    /// <summary>
    /// Any other failure to read a request body is the client's too: a chunk size too large for Kestrel (a plain
    /// IOException over an OverflowException) was a logged 500.
    /// </summary>
    internal static readonly RequestError BrokenBody = RequestError.BadRequest("INVALID_REQUEST", "The request body "
        + "could not be read: its chunked encoding is broken (a chunk size that is not hexadecimal or too large) or it "
        + "was cut short. Send the body with a Content-Length, or in well-formed chunks.");

    /// <summary>
    /// Whether a failed body read was the caller leaving (its connection reset mid-body): then the request is marked
    /// as the access log's 499 and aborted, as for a caller that leaves during execution. It was a logged 500 with an
    /// ERROR entry (the wire probe).
    /// </summary>
    internal static bool CallerLeft(HttpContext http, IOException failure)
    {
        if (failure is not Microsoft.AspNetCore.Connections.ConnectionResetException
            && !http.RequestAborted.IsCancellationRequested)
        {
            return false;
        }

        http.Response.StatusCode = Audit.AccessOutcomes.ClientClosedRequest;
        http.Features.Get<Audit.AccessTrace>()?.Failed(Audit.AccessOutcomes.ClientClosedCode);
        http.Abort();
        return true;
    }

    /// <summary>Kestrel's refusal of a request it could not read, as the client's error with its status.</summary>
    internal static RequestError Unreadable(BadHttpRequestException refusal) => refusal.StatusCode switch
    {
        StatusCodes.Status408RequestTimeout => new RequestError(refusal.StatusCode, "REQUEST_TIMEOUT",
            "The request body arrived too slowly and was not read: send the whole body without pausing."),
        StatusCodes.Status413PayloadTooLarge => new RequestError(refusal.StatusCode, "REQUEST_TOO_LARGE",
            "The request body is larger than this server accepts: send large lists (credit codes) in several "
                + "requests."),
        // Kestrel says which of the two it was; a chunk size 'zz' read as a Content-Length never sent (the re-probe).
        _ when refusal.Message.Contains("chunk", StringComparison.OrdinalIgnoreCase) => BrokenBody,
        _ => RequestError.BadRequest("INVALID_REQUEST", "The request could not be read: its body ended before its "
            + "Content-Length, or its encoding is broken. Send the whole body, as many bytes as its Content-Length."),
    };

    private static byte[] Grow(byte[] buffer, int length)
    {
        var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
        buffer.AsSpan(0, length).CopyTo(larger);
        ArrayPool<byte>.Shared.Return(buffer);
        return larger;
    }

    private static (GraphQLHttpRequest?, RequestError?) Parse(ReadOnlyMemory<byte> body, GraphQLHttpOptions options)
    {
        var document = JsonIntake.Parse(body, out var problem);
        if (document is null)
        {
            return (null, RequestError.BadRequest("INVALID_JSON", $"The request body is {problem}."
                + AdviceFor(body.Span)));
        }

        using (document)
        {
            return FromJson(document.RootElement, options);
        }
    }

    private const string BareDocumentAdvice = " It looks like a bare GraphQL document: send a JSON object with "
        + "the document in its 'query' member, {\"query\": \"{ __typename }\"}.";

    private const string ObjectLiteralAdvice = " Member names must be in double quotes: the body is JSON, not a "
        + "JavaScript object literal, {\"query\": \"{ __typename }\"}.";

    private const string FormAdvice = " It looks form-encoded (query=…), which is not accepted: send "
        + "application/json, {\"query\": \"{ __typename }\"}.";

    /// <summary>
    /// What the body looks like, when it is a usual mistake, and what to send instead: a bare document
    /// (<c>{ blacklist(…) }</c>, <c>query Q { … }</c>: what a curl user posts after reading "send JSON"), a
    /// JavaScript object literal (<c>{query: "…"}</c>) or a form-encoded body (<c>query=%7B…</c>, curl's -d). The
    /// last two were told they looked like a bare document (the third-party clients probe).
    /// </summary>
    private static string AdviceFor(ReadOnlySpan<byte> body)
    {
        var text = System.Text.Encoding.UTF8.GetString(body[..Math.Min(body.Length, 64)]).TrimStart('\uFEFF', ' ',
            '\t', '\r', '\n');
        if (FormField().IsMatch(text))
        {
            return FormAdvice;
        }

        if (text.StartsWith('{'))
        {
            // A JSON object's first member name is quoted; a document's first selection is not. A name, a colon and a
            // value (a string, object, array or number) is an object literal; a name and a colon before a name is a
            // document's alias ({ e: enterprises … }).
            text = text[1..].TrimStart();
            return text.StartsWith('\'') || ObjectLiteralMember().IsMatch(text) ? ObjectLiteralAdvice
                : text.Length > 0 && (char.IsAsciiLetter(text[0]) || text[0] == '_') ? BareDocumentAdvice
                : "";
        }

        return ((string[])["query", "mutation", "subscription", "fragment"])
            .Any(keyword => text.StartsWith(keyword, StringComparison.Ordinal))
            ? BareDocumentAdvice
            : "";
    }

    /// <summary>A form field's name and its '=' (query=, variables=, operationName=) at the start.</summary>
    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*=")]
    private static partial Regex FormField();

    /// <summary>An unquoted member name, a colon and the start of a value that no GraphQL field name starts.</summary>
    [GeneratedRegex("^[A-Za-z_$][A-Za-z0-9_$]*\\s*:\\s*[\"'`{\\[0-9-]")]
    private static partial Regex ObjectLiteralMember();

    /// <summary>
    /// A request object (the POST body, or the payload of a WebSocket subscribe message); a refusal carries what it
    /// sent, as far as that reads.
    /// </summary>
    internal static (GraphQLHttpRequest?, RequestError?) FromJson(JsonElement root, GraphQLHttpOptions options)
    {
        var (request, error) = ReadJson(root, options);
        return error is null ? (request, null) : (null, error with { Sent = SentRequest.In(root) });
    }

    private static (GraphQLHttpRequest?, RequestError?) ReadJson(JsonElement root, GraphQLHttpOptions options)
    {
        if (root.ValueKind == JsonValueKind.Array)
        {
            return (null, RequestError.BadRequest("BATCH_NOT_SUPPORTED",
                "Batched requests (a JSON array) are not supported: send one request object per POST."));
        }

        if (root.ValueKind != JsonValueKind.Object)
        {
            return (null, RequestError.BadRequest("INVALID_REQUEST",
                "The request body must be a JSON object with a 'query' string."));
        }

        if (!root.TryGetProperty("query", out var query) || query.ValueKind == JsonValueKind.Null)
        {
            if (root.TryGetProperty("extensions", out var asked) && AsksPersistedQuery(asked))
            {
                return (null, PersistedQueryNotSupported);
            }

            return (null, PersistedDocumentIds.FirstOrDefault(id => root.TryGetProperty(id, out _)) is { } id
                ? PersistedDocumentNotSupported(id)
                : RequestError.BadRequest("QUERY_MISSING",
                    "The request body has no 'query': it must hold the GraphQL document as a string."));
        }

        if (query.ValueKind != JsonValueKind.String)
        {
            return (null, RequestError.BadRequest("INVALID_REQUEST",
                "'query' must be a string holding the GraphQL document."));
        }

        string? operationName = null;
        if (root.TryGetProperty("operationName", out var op) && op.ValueKind != JsonValueKind.Null)
        {
            if (op.ValueKind != JsonValueKind.String)
            {
                return (null, RequestError.BadRequest("INVALID_REQUEST", "'operationName' must be a string or null."));
            }

            operationName = UnicodeText.Read(op);
            if (operationName is null)
            {
                return (null, UnicodeText.Invalid("operationName"));
            }
        }

        var variablesProblem = NotObject(root, "variables", out var variables);
        var extensionsProblem = NotObject(root, "extensions", out var extensions);
        if ((variablesProblem ?? extensionsProblem) is { } notObject)
        {
            return (null, RequestError.BadRequest("INVALID_REQUEST", notObject));
        }

        return UnicodeText.Read(query) is { } text
            ? Check(new GraphQLHttpRequest(text, NullIfEmpty(operationName), variables, extensions), options)
            : (null, UnicodeText.Invalid("query"));
    }

    private static (GraphQLHttpRequest?, RequestError?) Check(GraphQLHttpRequest request, GraphQLHttpOptions options) =>
        request.Query.Length > options.MaxDocumentLength
            ? (null, new RequestError(StatusCodes.Status413PayloadTooLarge, "DOCUMENT_TOO_LARGE",
                $"The GraphQL document has {request.Query.Length} characters; the limit is "
                + $"{options.MaxDocumentLength}. Pass values as variables rather than writing them into the document, "
                + "and split a long document into several requests.")
            {
                Facts = [new("characters", request.Query.Length), new("limit", options.MaxDocumentLength)],
            })
            : (request, null);

    // What is wrong with a member that must hold a JSON object or null, naming it; null when nothing is.
    private static string? NotObject(JsonElement root, string name, out string? rawJson)
    {
        rawJson = null;
        if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        rawJson = value.GetRawText();
        return JsonObjectMember.Problem(value) is { } problem
            ? $"'{name}' must be a JSON object or null, {problem}."
            : null;
    }

    // A GET parameter's JSON as the body's would be read: a leading byte order mark skipped (JsonIntake skips it when
    // checking, and the text kept it: the variables then "could not be read"), and null as no object at all.
    private static (string? Json, string? Problem) JsonObjectParameter(string text)
    {
        var json = NullIfEmpty(text.StartsWith('\uFEFF') ? text[1..] : text);
        if (json is null)
        {
            return (null, null);
        }

        // One mark is allowed, as in a body; the checker would skip a second too, and the JSON kept would not read.
        if (json.StartsWith('\uFEFF'))
        {
            return (null, "is not valid JSON: it begins with two byte order marks (U+FEFF); send at most one");
        }

        return json.Trim() == "null" ? (null, null) : (json, ObjectProblem(json));
    }

    // What is wrong with a GET parameter that must hold a JSON object ("The '…' parameter …"); null if nothing.
    private static string? ObjectProblem(string json)
    {
        using var doc = JsonIntake.Parse(json, out var problem);
        return doc is null ? "is " + problem
            : doc.RootElement.ValueKind == JsonValueKind.Object ? null
            : doc.RootElement.ValueKind == JsonValueKind.String
                ? "must be a JSON-encoded object, " + JsonObjectMember.NotAString(doc.RootElement)
            : "must be a JSON-encoded object";
    }

    /// <summary>
    /// Automatic persisted queries (Apollo's protocol, also urql's): a client sends only the document's hash and, told
    /// the server does not keep documents, sends the whole document again. The clients recognise that answer by this
    /// exact message (urql) or code (Apollo); anything else ends the client's request as an error.
    /// </summary>
    private static readonly RequestError PersistedQueryNotSupported =
        RequestError.BadRequest("PERSISTED_QUERY_NOT_SUPPORTED", "PersistedQueryNotSupported");

    /// <summary>
    /// The members naming a persisted document instead of sending it: <c>documentId</c> (the GraphQL over HTTP
    /// spec's persisted-documents appendix, graphql-codegen's client preset) and <c>id</c>, <c>doc_id</c> and
    /// <c>queryId</c> (Relay's guides name all three). Told only that 'query' was missing, their users looked for a
    /// bug in the client; the status and code stay QUERY_MISSING's.
    /// </summary>
    private static readonly string[] PersistedDocumentIds = ["documentId", "id", "doc_id", "queryId"];

    private static RequestError PersistedDocumentNotSupported(string member) =>
        RequestError.BadRequest("QUERY_MISSING", $"The request names a persisted document ('{member}') and has no "
            + "'query': persisted documents are not supported, as this server keeps no documents. Send the full "
            + "GraphQL document in 'query' (turn persisted documents off in the client).");

    private static bool AsksPersistedQuery(JsonElement extensions) =>
        extensions.ValueKind == JsonValueKind.Object && extensions.TryGetProperty("persistedQuery", out _);

    private static bool AsksPersistedQuery(string extensionsJson)
    {
        if (extensionsJson.Length == 0)
        {
            return false;
        }

        using var document = JsonIntake.Parse(extensionsJson, out _);
        return document is not null && AsksPersistedQuery(document.RootElement);
    }

    private static RequestError TooLarge(GraphQLHttpOptions options) =>
        new(StatusCodes.Status413PayloadTooLarge, "REQUEST_TOO_LARGE",
            $"The request body is larger than {options.MaxRequestBytes} bytes: send large lists (credit codes, "
            + "inputs) in several requests.")
        {
            Facts = [new("limit", options.MaxRequestBytes)],
        };

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
