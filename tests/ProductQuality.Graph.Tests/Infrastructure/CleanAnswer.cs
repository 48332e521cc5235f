using System.Text.Json;
using System.Text.RegularExpressions;

namespace ProductQuality.Graph.Tests.Infrastructure;

/// <summary>
/// The house rule for every answer: below 500, a JSON object body, every error with a message and an
/// <c>extensions.code</c>, no message over 2,000 characters, and nothing that names .NET (types, namespaces, IDX
/// codes, stack frames, codes the executer derives from exception types, the JSON reader's positions and settings) in
/// any message, code or WWW-Authenticate header.
/// </summary>
public static partial class CleanAnswer
{
    /// <summary>Codes GraphQL.NET derives from BCL exception names, and the server-fault code.</summary>
    private static readonly HashSet<string> InternalCodes =
    [
        "ARGUMENT", "ARGUMENT_NULL", "ARGUMENT_OUT_OF_RANGE", "FORMAT", "NULL_REFERENCE", "INVALID_CAST",
        "OVERFLOW", "KEY_NOT_FOUND", "NOT_SUPPORTED", "NOT_IMPLEMENTED", "INDEX_OUT_OF_RANGE", "JSON",
        "DECODER_FALLBACK", "OPERATION_CANCELED", "TASK_CANCELED", "UNHANDLED", "INTERNAL_ERROR", "EXCEPTION",
    ];

    /// <summary>Why the answer breaks the rule, or null when it keeps it.</summary>
    public static string? Violation(GraphQLReply reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        if ((int)reply.Status >= 500)
        {
            return $"status {(int)reply.Status}";
        }

        foreach (var challenge in reply.Response.Headers.WwwAuthenticate.Select(h => h.ToString()))
        {
            if (NamesDotNet(challenge) || challenge.Contains('\n', StringComparison.Ordinal))
            {
                return $"WWW-Authenticate leaks internals: {challenge}";
            }
        }

        JsonElement root;
        try
        {
            root = JsonDocument.Parse(reply.Body).RootElement;
        }
        catch (JsonException)
        {
            return "the body is not JSON";
        }

        if (root.ValueKind != JsonValueKind.Object)
        {
            return "the body is not a JSON object";
        }

        if (!root.TryGetProperty("errors", out var errors))
        {
            return root.TryGetProperty("data", out _) ? null : "neither data nor errors";
        }

        foreach (var error in errors.EnumerateArray())
        {
            if (ErrorViolation(error) is { } why)
            {
                return why;
            }
        }

        return null;
    }

    /// <summary>Asserts the rule, showing the case and the whole answer when it is broken.</summary>
    public static void Assert(GraphQLReply reply, string what)
    {
        if (Violation(reply) is { } why)
        {
            Xunit.Assert.Fail($"{what}: {why}\n{(int)reply.Status} {reply.Body}");
        }
    }

    private static string? ErrorViolation(JsonElement error)
    {
        var message = error.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String
            ? m.GetString() : null;
        if (string.IsNullOrWhiteSpace(message))
        {
            return "an error without a message";
        }

        // The README's promise: a message quotes at most the start of an input, and none is longer than this.
        if (message.Length > 2_000)
        {
            return $"a message of {message.Length} characters";
        }

        var code = error.TryGetProperty("extensions", out var ext) && ext.ValueKind == JsonValueKind.Object
            && ext.TryGetProperty("code", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString() : null;
        if (string.IsNullOrEmpty(code))
        {
            return $"an error without extensions.code: {message}";
        }

        if (InternalCodes.Contains(code)
            || (code == "INVALID_OPERATION" && !message.StartsWith("Query does not contain operation",
                StringComparison.Ordinal)))
        {
            return $"an internal code {code}: {message}";
        }

        return NamesDotNet(message) ? $"a message naming .NET: {message}" : null;
    }

    private static bool NamesDotNet(string text) => DotNetNames().IsMatch(text);

    // Also the libraries' words for programmers: System.Text.Json's positions, its reader's configured depth and its
    // "deserialization", GraphQL.NET's "Unable to convert" (each said in the client's words by the server).
    [GeneratedRegex(@"System\.|Microsoft\.|GraphQL\.|GraphQLParser|ProductQuality\.|Exception|IDX\d|"
        + @"\n\s+at |\.cs:line|LineNumber: \d|BytePositionInLine|configured depth|deserialization|Unable to convert|"
        + "isFinalBlock")]
    private static partial Regex DotNetNames();
}
