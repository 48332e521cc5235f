using Microsoft.EntityFrameworkCore;
using ProductQuality.Graph.Data;

namespace ProductQuality.Graph.Infrastructure.Http.Limits;

/// <summary>
/// The sizes of the lists that only grow, for the cost of their <c>totalCount</c> (<see cref="ListSize"/>): the change
/// feed (its last id) and the access log (its last position). Each count reads the whole list, so its price must grow
/// with it. The estimate runs before anything else and should not wait for the database, so it takes the sizes read
/// last, and a read older than <see cref="MaxAge"/> starts the next one beside the request (other servers append too);
/// only the first estimate after the start waits for the first read (a count priced at nothing was the defect).
/// </summary>
internal sealed class CountedLists(IServiceScopeFactory scopes, ILogger<CountedLists> logger)
{
    /// <summary>How long a size is used before it is read again.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(30);

    // How long the first estimates wait for the first read; a database that slow answers no count either.
    private static readonly TimeSpan FirstReadWait = TimeSpan.FromSeconds(2);

    private readonly object _gate = new();
    private Sizes? _sizes;
    private long _readAt = long.MinValue;
    private Task? _reading;

    /// <summary>
    /// The rows the connection type's <c>totalCount</c> counts at most, as last read; null for a list whose size the
    /// data set bounds (enterprises, warnings), whose count is free.
    /// </summary>
    public long? SizeOf(string connectionType)
    {
        if (connectionType is not ("ChangeEventConnection" or "AccessLogEntryConnection"))
        {
            return null;
        }

        var reading = ReadAgainWhenOld();
        if (Volatile.Read(ref _sizes) is null)
        {
            reading?.Wait(FirstReadWait);
        }

        var sizes = Volatile.Read(ref _sizes) ?? new Sizes(0, 0);
        return connectionType == "ChangeEventConnection" ? sizes.ChangeEvents : sizes.AccessLogEntries;
    }

    /// <summary>Reads the sizes now (at the first estimate, and for tests after they add rows).</summary>
    public async Task RefreshAsync(CancellationToken ct = default)
    {
        lock (_gate)
        {
            _readAt = Environment.TickCount64;
        }

        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ProductQualityDbContext>();
        // The last id and the span of positions in the table, not COUNT(*): one index look-up each. The feed is never
        // pruned; the log's retention archives its oldest entries, and counted from position 1 a log kept to a
        // year's entries was priced by every entry ever written.
        var events = await db.ChangeEvents.MaxAsync(c => (long?)c.Id, ct) ?? 0;
        var head = await db.AccessLogHeads.MaxAsync(h => (long?)h.Seq, ct) ?? 0;
        var oldest = await db.AccessLog.MinAsync(e => (long?)e.Seq, ct) ?? head + 1;
        var entries = Math.Max(0, head - oldest + 1);
        Volatile.Write(ref _sizes, new Sizes(events, entries));
    }

    // The read in progress (started now or before), or null when the sizes are fresh.
    private Task? ReadAgainWhenOld()
    {
        var now = Environment.TickCount64;
        lock (_gate)
        {
            if (_reading is { IsCompleted: false })
            {
                return _reading;
            }

            if (_readAt != long.MinValue && now - _readAt < MaxAge.TotalMilliseconds)
            {
                return null;
            }

            _readAt = now;
            _reading = Task.Run(async () =>
            {
                try
                {
                    await RefreshAsync();
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    // The sizes read before stay: a database that cannot answer this answers no count either.
                    logger.LogDebug(e, "The sizes of the change feed and the access log could not be read");
                }
            });
            return _reading;
        }
    }

    private sealed record Sizes(long ChangeEvents, long AccessLogEntries);
}
