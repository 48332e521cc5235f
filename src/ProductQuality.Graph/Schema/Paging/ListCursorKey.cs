using ProductQuality.Graph.Data;

namespace ProductQuality.Graph.Schema.Paging;

/// <summary>
/// The seal of list cursors under the database's key (a <see cref="DatabaseSecret"/>), the same on every server of
/// the database, so a page asked of one server continues on another. Read when the server starts (after the
/// database is migrated), before any request: lists issue cursors synchronously.
/// </summary>
public sealed class ListCursorKey(TimeProvider clock) : IDisposable
{
    public const string SecretName = "list-cursor";

    private CursorSeal? _seal;

    public CursorSeal Seal =>
        _seal ?? throw new InvalidOperationException("The list-cursor key is read when the server starts.");

    public async Task LoadAsync(ProductQualityDbContext db, CancellationToken ct)
    {
        _seal ??= new CursorSeal(await DatabaseSecrets.GetOrCreateAsync(db, SecretName, 32, clock, ct));
    }

    public void Dispose() => _seal?.Dispose();
}
