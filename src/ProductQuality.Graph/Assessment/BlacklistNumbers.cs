using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ProductQuality.Graph.Blacklist;
using ProductQuality.Graph.Data;

namespace ProductQuality.Graph.Assessment;

/// <summary>
/// Document numbers (文号) for listings and removals the rule derives during a live re-evaluation, continuing the
/// register's sequence for the year, e.g. 嘉市监列黑〔2026〕18号. Superseded events count too, so a number is never reused.
/// </summary>
internal sealed class BlacklistNumbers(ProductQualityDbContext db)
{
    private readonly Dictionary<string, int> last = new(StringComparer.Ordinal);

    public static string Register(BlacklistEventKind kind) => kind == BlacklistEventKind.Listed ? "嘉市监列黑" : "嘉市监移黑";

    public async Task<string> NextAsync(BlacklistEventKind kind, DateOnly date, CancellationToken ct)
    {
        var prefix = string.Create(CultureInfo.InvariantCulture, $"{Register(kind)}〔{date.Year}〕");
        if (!last.TryGetValue(prefix, out var n))
        {
            var existing = await db.BlacklistEvents.IgnoreQueryFilters().AsNoTracking()
                .Where(b => b.DecisionNumber.StartsWith(prefix)).Select(b => b.DecisionNumber).ToListAsync(ct);
            n = existing.Select(s => int.TryParse(s.AsSpan(prefix.Length).TrimEnd('号'), NumberStyles.None, CultureInfo.InvariantCulture, out var k) ? k : 0)
                .DefaultIfEmpty(0).Max();
        }

        last[prefix] = ++n;
        return string.Create(CultureInfo.InvariantCulture, $"{prefix}{n}号");
    }
}
