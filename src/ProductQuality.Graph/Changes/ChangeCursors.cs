using ProductQuality.Graph.Data;

namespace ProductQuality.Graph.Changes;

/// <summary>
/// The feed's cursor under the database's key (a <see cref="DatabaseSecret"/>): every server of the database seals
/// and opens the same cursors, so a reader may resume on any of them, after any restart. Read when the server
/// starts (<see cref="Infrastructure.DatabaseKeys"/>); the first server of a new database creates it.
/// </summary>
public sealed class ChangeCursors(TimeProvider clock) : IDisposable
{
    public const string SecretName = "change-feed-cursor";

    private const int KeyBytes = 32;

    private ChangeCursor? _cursor;

    public ChangeCursor Cursor =>
        _cursor ?? throw new InvalidOperationException("The change-feed cursor key is read when the server starts.");

    public async Task LoadAsync(ProductQualityDbContext db, CancellationToken ct)
    {
        _cursor ??= new ChangeCursor(await DatabaseSecrets.GetOrCreateAsync(db, SecretName, KeyBytes, clock, ct));
    }

    public void Dispose() => _cursor?.Dispose();
}
