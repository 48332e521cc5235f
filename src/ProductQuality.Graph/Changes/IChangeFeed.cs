using ProductQuality.Graph.Data;

namespace ProductQuality.Graph.Changes;

/// <summary>
/// Reads the change feed as one reader may see it. The query field pages through it; a push subscription can poll it
/// from a subscriber's last position (or be woken when a write commits) through the same reader.
/// </summary>
public interface IChangeFeed
{
    /// <summary>
    /// The events after the request's position that the reader may see, at most its <c>First</c>; with
    /// <c>First</c> 0, none, and the newest position the reader may see as the page's end.
    /// </summary>
    Task<ChangePage> ReadAsync(ProductQualityDbContext db, ChangeFeedRequest request, CancellationToken ct);

    /// <summary>How many events of the whole feed (every page) the reader may see.</summary>
    Task<int> CountAsync(ProductQualityDbContext db, ChangeFeedRequest request, CancellationToken ct);

    /// <summary>The newest position of the whole feed (0 when empty): no issued cursor lies beyond it.</summary>
    Task<long> HeadAsync(ProductQualityDbContext db, CancellationToken ct);
}
