using GraphQL.Types;
using GraphQL.Types.Relay;

namespace ProductQuality.Graph.Schema.Paging;

/// <summary>
/// GraphQL.NET's connection with the nullability our pages really have: a page always has its edges and items (an
/// empty list, never null, never a null entry) and, when asked, its total. Generated client types then need no
/// null checks on every hop (<c>edges!.map(e =&gt; e!.node!)</c>). Names and descriptions stay the library's.
/// </summary>
public sealed class StrictConnectionType<TNodeType> : ConnectionType<TNodeType, StrictEdgeType<TNodeType>>
    where TNodeType : IGraphType
{
    public StrictConnectionType()
    {
        GetField("edges")!.Type = typeof(NonNullGraphType<ListGraphType<NonNullGraphType<StrictEdgeType<TNodeType>>>>);
        GetField("items")!.Type = typeof(NonNullGraphType<ListGraphType<NonNullGraphType<TNodeType>>>);
        var total = GetField("totalCount")!;
        total.Type = typeof(NonNullGraphType<IntGraphType>);
        total.Description = "How many rows the whole list holds (every page), under the same filter and the reader's " +
            "row scope; counted only when asked for.";
    }
}
