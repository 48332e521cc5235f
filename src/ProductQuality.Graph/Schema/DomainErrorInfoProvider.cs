using System.Globalization;
using GraphQL;
using GraphQL.Execution;

namespace ProductQuality.Graph.Schema;

/// <summary>
/// Puts a <see cref="DomainException"/>'s extra facts (the input field at fault, the current revision) beside its
/// code in <c>extensions</c>, where clients look for them, rather than nested under <c>extensions.data</c>; and the
/// request id (<c>extensions.requestId</c>, as in the <c>X-Request-Id</c> header) on every error of an HTTP request,
/// so a partner reporting an error hands over the id the server logged it under.
/// </summary>
public sealed class DomainErrorInfoProvider(ErrorInfoProviderOptions options, IHttpContextAccessor? requests = null)
    : ErrorInfoProvider(options)
{
    /// <summary>The longest message an answer carries; the longest the server writes itself is a few hundred.
    /// </summary>
    public const int MaxMessageLength = 2_000;

    public override ErrorInfo GetInfo(ExecutionError executionError)
    {
        var info = base.GetInfo(executionError);

        // A message may quote the input (a name, a value): cut, so that no request multiplies its own size in errors.
        if (info.Message is { Length: > MaxMessageLength } text)
        {
            // The note counts towards the limit: the whole message stays within it.
            var note = string.Create(CultureInfo.InvariantCulture,
                $"… (cut: the message has {text.Length:N0} characters)");
            var cut = MaxMessageLength - note.Length;
            cut = char.IsHighSurrogate(text[cut - 1]) ? cut - 1 : cut;
            info.Message = text[..cut] + note;
        }

        var requestId = OperationRequestId.Value ?? requests?.HttpContext?.TraceIdentifier;
        if (executionError is DomainException { Extra.Count: > 0 } || requestId is not null)
        {
            var extensions = info.Extensions ?? new Dictionary<string, object?>();
            var extra = (executionError as DomainException)?.Extra ?? new Dictionary<string, object?>();
            foreach (var (key, value) in extra)
            {
                extensions[key] = value;
            }

            if (requestId is not null)
            {
                extensions["requestId"] = requestId;
            }

            info.Extensions = extensions;
        }

        return info;
    }
}
