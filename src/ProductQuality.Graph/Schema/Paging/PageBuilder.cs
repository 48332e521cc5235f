using GraphQL;
using GraphQL.Types.Relay.DataObjects;
using Microsoft.EntityFrameworkCore;

namespace ProductQuality.Graph.Schema.Paging;

/// <summary>
/// Turns a filtered, ordered, keyset-positioned query into a connection page; counts only when asked.
/// </summary>
public static class PageBuilder
{
    public static async Task<Connection<T>> BuildAsync<T>(
        IResolveFieldContext context,
        IQueryable<T> filtered,
        IQueryable<T> orderedAfterCursor,
        int first,
        bool hasCursor,
        Func<T, string> cursorOf)
    {
        // One row past the page says whether another follows. 'first: 0' asks for no rows, yet its hasNextPage still
        // says whether any follow (Relay's rule): that one row is read only when the page info is asked for.
        var wantsRows = first > 0 || context.Asks("pageInfo");
        var rows = wantsRows
            ? await orderedAfterCursor.Take(first + 1).ToListAsync(context.CancellationToken)
            : [];
        var page = rows.Take(first).ToList();
        // Edges encode their cursors when read (PageEdge), the page info's two when asked for.
        var edges = page.ConvertAll(r => (Edge<T>)new PageEdge<T>(r, cursorOf));
        // Asked by name, whatever its alias and through fragments: the selection's keys are response names, so
        // "n: totalCount" once left the count null in a non-null field, an internal error.
        var wantsTotal = context.Asks("totalCount");
        return new Connection<T>
        {
            TotalCount = wantsTotal ? await filtered.CountAsync(context.CancellationToken) : null,
            Edges = edges,
            PageInfo = new PageInfo
            {
                HasNextPage = rows.Count > first,
                HasPreviousPage = hasCursor,
                // Read through the edges, so an edge whose cursor is also asked for encodes it once. Only when asked
                // (by name, through aliases and fragments): sealing one is an encryption (CursorSeal), and most pages
                // are read as 'edges { node }' alone.
                StartCursor = edges.Count > 0 && context.Asks("pageInfo", "startCursor")
                    ? ((ILazyCursorEdge)edges[0]).CursorValue
                    : null,
                EndCursor = edges.Count > 0 && context.Asks("pageInfo", "endCursor")
                    ? ((ILazyCursorEdge)edges[^1]).CursorValue
                    : null,
            },
        };
    }
}
