using ProductQuality.Graph.Changes;
using ProductQuality.Graph.Data;
using ProductQuality.Graph.Schema.Paging;

namespace ProductQuality.Graph.Infrastructure;

/// <summary>
/// The seals of cursors under the database's keys (<see cref="DatabaseSecret"/>s): the change feed's
/// (<see cref="ChangeCursor"/>) and the lists' (<see cref="CursorSeal"/>). Every server of the database reads the
/// same keys, so a cursor one issues, another opens, after any restart. Read once when the server starts, after the
/// database is migrated (<see cref="DatabaseKeys"/>), before any request: cursors are made synchronously.
/// </summary>
public sealed class CursorKeys(TimeProvider clock) : IDisposable
{
    public const string FeedSecret = "change-feed-cursor";
    public const string ListSecret = "list-cursor";

    private const int KeyBytes = 32;

    private ChangeCursor? _feed;
    private CursorSeal? _lists;

    public ChangeCursor Feed => _feed ?? throw NotRead();

    public CursorSeal Lists => _lists ?? throw NotRead();

    /// <summary>Reads both keys, the first server of a new database creating them.</summary>
    public async Task LoadAsync(ProductQualityDbContext db, CancellationToken ct)
    {
        _feed ??= new ChangeCursor(await DatabaseSecrets.GetOrCreateAsync(db, FeedSecret, KeyBytes, clock, ct));
        _lists ??= new CursorSeal(await DatabaseSecrets.GetOrCreateAsync(db, ListSecret, KeyBytes, clock, ct));
    }

    public void Dispose()
    {
        _feed?.Dispose();
        _lists?.Dispose();
    }

    private static InvalidOperationException NotRead() =>
        new("The cursor keys are read when the server starts (DatabaseKeys).");
}
