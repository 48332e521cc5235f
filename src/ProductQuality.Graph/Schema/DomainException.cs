using GraphQL;

namespace ProductQuality.Graph.Schema;

/// <summary>An error the caller can fix, reported with a stable code and a message that says what to do.</summary>
public sealed class DomainException : ExecutionError, IErrorFacts
{
    public DomainException(string code, string message, IReadOnlyDictionary<string, object?>? extensions = null)
        : base(message)
    {
        Code = code;
        Extra = extensions ?? new Dictionary<string, object?>();
    }

    /// <summary>Written next to <c>code</c> in <c>extensions</c> (e.g. <c>field</c>, <c>currentRevision</c>).</summary>
    public IReadOnlyDictionary<string, object?> Extra { get; }

    /// <summary>An error about one input field, e.g. <c>input.failedItems</c>.</summary>
    public static DomainException ForField(string code, string field, string message) =>
        new(code, message, new Dictionary<string, object?> { ["field"] = field });
}

/// <summary>An error that writes facts of its own next to <c>code</c> in <c>extensions</c>.</summary>
public interface IErrorFacts
{
    IReadOnlyDictionary<string, object?> Extra { get; }
}
