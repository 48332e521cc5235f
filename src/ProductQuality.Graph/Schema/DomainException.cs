using GraphQL;

namespace ProductQuality.Graph.Schema;

/// <summary>An error the caller can fix, reported with a stable code and a message that says what to do.</summary>
public sealed class DomainException : ExecutionError
{
    public DomainException(string code, string message)
        : base(message)
    {
        Code = code;
    }
}
