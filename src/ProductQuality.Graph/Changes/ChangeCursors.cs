using ProductQuality.Graph.Data;

namespace ProductQuality.Graph.Changes;

/// <summary>
/// The feed's cursor under the database's key (a <see cref="DatabaseSecret"/>): every server of the database seals
/// and opens the same cursors, so a reader may resume on any of them, after any restart. Read once per server, on
/// the first use of the feed; the first server of a new database creates it.
/// </summary>
public sealed class ChangeCursors(TimeProvider clock) : IDisposable
{
    public const string SecretName = "change-feed-cursor";

    private const int KeyBytes = 32;

    private readonly SemaphoreSlim _loading = new(1, 1);
    private ChangeCursor? _cursor;

    /// <summary>The cursor once the feed has been used; events reach a resolver only through a feed read.</summary>
    public ChangeCursor Loaded =>
        _cursor ?? throw new InvalidOperationException("The change-feed cursor key is read by the first feed read.");

    public async ValueTask<ChangeCursor> GetAsync(ProductQualityDbContext db, CancellationToken ct)
    {
        if (_cursor is { } loaded)
        {
            return loaded;
        }

        await _loading.WaitAsync(ct);
        try
        {
            return _cursor ??= new ChangeCursor(
                await DatabaseSecrets.GetOrCreateAsync(db, SecretName, KeyBytes, clock, ct));
        }
        finally
        {
            _loading.Release();
        }
    }

    public void Dispose()
    {
        _loading.Dispose();
        _cursor?.Dispose();
    }
}
