using GraphQL;
using GraphQL.Resolvers;
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
    public StrictEdgeType()
    {
        GetField("node")!.Type = typeof(NonNullGraphType<TNodeType>);
        GetField("cursor")!.Resolver = CursorResolver.Instance;
    }

    /// <summary>A page's edges encode their cursor only here, when a reader asks for it (see PageEdge).</summary>
    private sealed class CursorResolver : IFieldResolver
    {
        public static readonly CursorResolver Instance = new();

        public ValueTask<object?> ResolveAsync(IResolveFieldContext context) => context.Source is ILazyCursorEdge lazy
            ? new ValueTask<object?>(lazy.CursorValue)
            : NameFieldResolver.Instance.ResolveAsync(context);
    }
}
