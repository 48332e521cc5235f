using ProductQuality.Graph.Access;

namespace ProductQuality.Graph.Schema;

/// <summary>
/// The per-request context resolvers see: above all, the audience whose row scope every query applies.
/// </summary>
public sealed class GraphQLUserContext(Audience audience) : Dictionary<string, object?>
{
    public Audience Audience { get; } = audience;

    /// <summary>The HTTP request's id: an internal error names it so an operator can find the one log entry.</summary>
    public string? RequestId { get; init; }
}
