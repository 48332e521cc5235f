using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ProductQuality.Graph.Blacklist;
using ProductQuality.Graph.Data;
using ProductQuality.Graph.Rules.Blacklist;

namespace ProductQuality.Graph.Assessment;

/// <summary>
/// Document numbers (文号) for listings and removals the rule derives during a live re-evaluation, continuing the city
/// bureau's register for the year, e.g. 嘉市监列黑〔2026〕18号. Superseded events and the regulator's recorded decisions
/// of the city count too, so a number is never reused; (authority, number) is also a unique index.
/// </summary>
internal sealed class BlacklistNumbers(ProductQualityDbContext db)
{
    // Any constant shared by every writer of the register (0x5051424C, "PQBL" in ASCII).
    private const string LockSql = "SELECT pg_advisory_xact_lock(1347502668)";

    private readonly Dictionary<string, int> last = new(StringComparer.Ordinal);
    private bool locked;

    public static string Register(BlacklistEventKind kind) => kind == BlacklistEventKind.Listed ? "嘉市监列黑" : "嘉市监移黑";

    public async Task<string> NextAsync(BlacklistEventKind kind, DateOnly date, CancellationToken ct)
    {
        var prefix = string.Create(CultureInfo.InvariantCulture, $"{Register(kind)}〔{date.Year}〕");
        if (!last.TryGetValue(prefix, out var n))
        {
            await SerialiseAsync(ct);
            var existing = await db.BlacklistEvents.IgnoreQueryFilters().AsNoTracking()
                .Where(b => b.Authority == IssuingAuthority.City && b.DecisionNumber.StartsWith(prefix))
                .Select(b => b.DecisionNumber).ToListAsync(ct);
            n = existing.Select(s => int.TryParse(s.AsSpan(prefix.Length).TrimEnd('号'), NumberStyles.None,
                    CultureInfo.InvariantCulture, out var k) ? k : 0)
                .DefaultIfEmpty(0).Max();
        }

        last[prefix] = ++n;
        return string.Create(CultureInfo.InvariantCulture, $"{prefix}{n}号");
    }

    /// <summary>
    /// Two PostgreSQL transactions could both read the same highest number and derive the same next one: a transaction
    /// lock makes the second wait until the first commits, and its read (read committed) then sees the first's numbers.
    /// SQLite has one writer at a time already. Every caller (a write, a recompute batch) runs in a transaction, which
    /// holds the lock until it ends.
    /// </summary>
    private async Task SerialiseAsync(CancellationToken ct)
    {
        if (db is PostgresProductQualityDbContext && !locked)
        {
            await db.Database.ExecuteSqlRawAsync(LockSql, ct);
            locked = true;
        }
    }
}
