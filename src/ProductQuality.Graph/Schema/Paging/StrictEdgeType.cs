using GraphQL.Types;
using GraphQL.Types.Relay;

namespace ProductQuality.Graph.Schema.Paging;

/// <summary>
/// An edge whose node is never null: our pages hold rows, not holes
/// (see <see cref="StrictConnectionType{TNodeType}"/>).
/// </summary>
public sealed class StrictEdgeType<TNodeType> : EdgeType<TNodeType>
    where TNodeType : IGraphType
{
    public StrictEdgeType() => GetField("node")!.Type = typeof(NonNullGraphType<TNodeType>);
}
