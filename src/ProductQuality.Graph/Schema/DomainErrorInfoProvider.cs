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

    /// <summary>
    /// The message's start and end with a note between, within <see cref="MaxMessageLength"/> in all. The input a
    /// library message quotes sits in its middle: cutting the end lost what the sentence says about it ("… to
    /// 'Int'.").
    /// </summary>
    internal static string Cut(string text)
    {
        var note = string.Create(CultureInfo.InvariantCulture,
            $" … (cut: the message has {text.Length:N0} characters) … ");
        var room = MaxMessageLength - note.Length;
        var tail = Math.Min(room / 4, 300);
        var head = room - tail;
        head = char.IsHighSurrogate(text[head - 1]) ? head - 1 : head;
        var from = text.Length - tail;
        from = char.IsLowSurrogate(text[from]) ? from + 1 : from;
        return text[..head] + note + text[from..];
    }

    public override ErrorInfo GetInfo(ExecutionError executionError)
    {
        var info = base.GetInfo(executionError);
        info.Message = LibraryMessages.Explain(executionError, InputValueErrors.Explain(executionError, info.Message));

        // A message may quote the input (a name, a value): cut, so that no request multiplies its own size in errors.
        if (info.Message is { Length: > MaxMessageLength } text)
        {
            info.Message = Cut(text);
        }

        var requestId = OperationRequestId.Value ?? requests?.HttpContext?.TraceIdentifier;
        if (executionError is IErrorFacts { Extra.Count: > 0 } || requestId is not null)
        {
            var extensions = info.Extensions ?? new Dictionary<string, object?>();
            var extra = (executionError as IErrorFacts)?.Extra ?? new Dictionary<string, object?>();
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
