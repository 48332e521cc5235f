using GraphQL;
using GraphQL.Types;
using GraphQL.Types.Relay.DataObjects;
using ProductQuality.Graph.Access;
using ProductQuality.Graph.Schema;
using ProductQuality.Graph.Schema.Paging;

namespace ProductQuality.Graph.Changes;

/// <summary>
/// <c>changes</c>: the change feed a partner follows — every change its contract and row scope let it see, in commit
/// order, resumable from the cursor of the last event it processed. Priced by the cost limit as a page of
/// <c>first</c> rows, like every connection, and its <c>totalCount</c>, which counts the whole feed, by the feed's
/// size (<c>CountedLists</c>).
/// </summary>
public static class ChangeQueries
{
    public const string FieldName = "changes";

    public static void AddTo(QueryType query)
    {
        ArgumentNullException.ThrowIfNull(query);
        // A contract that may read no kind has no feed. The field itself is structural: each event tells the access
        // log its own kind's group (AccessRecording), where the field's group once tagged every event Class.
        var kinds = ChangeKinds.ReadableBy(query.Contract);
        if (kinds.Count == 0)
        {
            return;
        }

        query.Field<NonNullGraphType<StrictConnectionType<ChangeEventType>>>(FieldGroup.Structure, FieldName)
            // The kinds are not listed here: every contract reads this description, most of them fewer kinds.
            .Description("Changes (变更) you may see, of the kinds your ChangeKind enum lists, in the order they were "
                + "committed. Keep the cursor of the last event you processed and pass it as 'after' to resume "
                + "exactly there. With first: 0, pageInfo.endCursor is the newest position you can see: take it "
                + "before a snapshot.")
            .Argument<StringGraphType>(
                "after", "The cursor of the last event you processed; omit to start at the beginning.")
            .Argument<IntGraphType>(
                "first", $"Page size (default {PageSize.Default}, at most the server's cap, 500 by default).")
            .Argument<ListGraphType<NonNullGraphType<ChangeKindType>>>(
                "kinds", "Only these kinds; omitted or null: every kind you may read.")
            .ResolveAsync(async c =>
            {
                var request = await RequestAsync(c, PageSize.First(c), fromHead: false);
                var page = await c.Service<IChangeFeed>().ReadAsync(c.Db(), request, c.CancellationToken);
                var total = c.Asks("totalCount")
                    ? await c.Service<IChangeFeed>().CountAsync(c.Db(), request, c.CancellationToken)
                    : (int?)null;
                return Connection(page, total, Cursor(c));
            });
    }

    /// <summary>
    /// The reader's request from the field's <c>after</c> and <c>kinds</c> arguments, for the query and the
    /// subscription alike: kinds limited to what the contract may read (an empty list is refused), a cursor checked
    /// against the feed's head. Without a cursor the query starts at the beginning, the subscription at the head.
    /// </summary>
    internal static async Task<ChangeFeedRequest> RequestAsync(IResolveFieldContext c, int first, bool fromHead)
    {
        var audience = c.Audience();
        var readable = ChangeKinds.ReadableBy(audience.Contract);
        var asked = c.GetArgument<List<ChangeKind>?>("kinds");
        if (asked is { Count: 0 })
        {
            throw new DomainException(ErrorCodes.InvalidArgument,
                "'kinds' is empty, so it asks for nothing: omit it for every kind you may read, or name some.",
                new Dictionary<string, object?> { ["argument"] = "kinds" });
        }

        var kinds = (asked ?? [.. readable]).Intersect(readable).ToList();
        var cursor = c.GetArgument<string?>("after");
        var after = cursor is null ? 0 : Cursor(c).Decode(cursor);
        if (cursor is null && !fromHead)
        {
            return new ChangeFeedRequest(audience, after, first, kinds);
        }

        var received = cursor is null ? c.RequestServices?.GetService<ChangeHeadAtReceipt>()?.Head : null;
        var head = received ?? await c.Service<IChangeFeed>().HeadAsync(c.Db(), c.CancellationToken);
        if (after > head)
        {
            throw ChangeCursor.PastTheEnd();
        }

        return new ChangeFeedRequest(audience, cursor is null ? head : after, first, kinds);
    }

    /// <summary>The feed's cursor under this database's key.</summary>
    internal static ChangeCursor Cursor(IResolveFieldContext c) => c.Service<Infrastructure.CursorKeys>().Feed;

    private static Connection<ChangeEvent> Connection(ChangePage page, int? total, ChangeCursor cursor)
    {
        var edges = page.Events
            .Select(e => new Edge<ChangeEvent> { Cursor = cursor.Encode(e.Id), Node = e }).ToList();
        return new Connection<ChangeEvent>
        {
            TotalCount = total,
            Edges = edges,
            PageInfo = new PageInfo
            {
                HasNextPage = page.HasMore,
                HasPreviousPage = false,
                StartCursor = edges.FirstOrDefault()?.Cursor,
                EndCursor = page.EndPosition > 0 ? cursor.Encode(page.EndPosition) : null,
            },
        };
    }
}
