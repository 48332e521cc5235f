using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ProductQuality.Graph.Data;
using ProductQuality.Graph.Rules.Common;
using ProductQuality.Graph.Schema.Paging;

namespace ProductQuality.Graph.Enterprises;

/// <summary>
/// Keyset ordering of enterprise lists: each order sorts by (key, id) and a cursor resumes strictly after the
/// last (key, id) seen, so deep pages cost the same as the first and rows never repeat or vanish between pages.
/// </summary>
public static class EnterpriseOrdering
{
    private static readonly EnterpriseClass[] BestFirst =
        [EnterpriseClass.AA, EnterpriseClass.A, EnterpriseClass.B, EnterpriseClass.C];

    /// <param name="scope">The list's <see cref="ListScope"/>, which its cursors are sealed for.</param>
    /// <param name="collation">
    /// Ordinal collation of the provider (<see cref="OrdinalText"/>): names order by code point everywhere.
    /// </param>
    public static IQueryable<Enterprise> OrderAfter(
        this IQueryable<Enterprise> query, EnterpriseOrder order, string? after, ListScope scope, string collation)
    {
        var cursor = after is null ? ((string Key, int Id)?)null : Cursor.Decode(scope, after, order.ToString());
        var id = cursor?.Id ?? 0;
        switch (order)
        {
            case EnterpriseOrder.ClassBestFirst or EnterpriseOrder.ClassWorstFirst:
                var ranks = order == EnterpriseOrder.ClassBestFirst ? BestFirst : BestFirst.Reverse().ToArray();
                if (cursor is { } c)
                {
                    var cls = Cursor.ReadKey(c.Key, ClassKey);
                    var later = ranks.SkipWhile(r => r != cls).Skip(1).ToArray();
                    query = query.Where(e => later.Contains(e.Class) || (e.Class == cls && e.Id > id));
                }

                var (r0, r1, r2) = (ranks[0], ranks[1], ranks[2]);
                return query.OrderBy(e => e.Class == r0 ? 0 : e.Class == r1 ? 1 : e.Class == r2 ? 2 : 3)
                    .ThenBy(e => e.Id);
            case EnterpriseOrder.QualityIndexHighFirst:
                if (cursor is { } h)
                {
                    var k = Cursor.ReadKey(h.Key, IndexKey);
                    query = query.Where(e => e.QualityIndex < k || (e.QualityIndex == k && e.Id > id));
                }

                return query.OrderByDescending(e => e.QualityIndex).ThenBy(e => e.Id);
            case EnterpriseOrder.QualityIndexLowFirst:
                if (cursor is { } l)
                {
                    var k = Cursor.ReadKey(l.Key, IndexKey);
                    query = query.Where(e => e.QualityIndex > k || (e.QualityIndex == k && e.Id > id));
                }

                return query.OrderBy(e => e.QualityIndex).ThenBy(e => e.Id);
            default:
                // The cursor's comparison uses the ORDER BY's collation, or pages would skip or repeat rows.
                if (cursor is { } n)
                {
                    var name = n.Key;
                    query = query.Where(e => string.Compare(EF.Functions.Collate(e.Name, collation), name) > 0
                        || (e.Name == name && e.Id > id));
                }

                return query.OrderBy(e => EF.Functions.Collate(e.Name, collation)).ThenBy(e => e.Id);
        }
    }

    /// <summary>A class name exactly as cursors write it (no numbers, no combined flags).</summary>
    private static EnterpriseClass? ClassKey(string key) =>
        Enum.GetNames<EnterpriseClass>().Contains(key, StringComparer.Ordinal)
            ? Enum.Parse<EnterpriseClass>(key)
            : null;

    private static double? IndexKey(string key) =>
        double.TryParse(key, NumberStyles.Float, CultureInfo.InvariantCulture, out var k) && double.IsFinite(k)
            ? k
            : null;

    /// <param name="scope">The list's <see cref="ListScope"/>.</param>
    public static string CursorOf(Enterprise e, EnterpriseOrder order, ListScope scope) => Cursor.Encode(scope,
        order.ToString(), order switch
    {
        EnterpriseOrder.ClassBestFirst or EnterpriseOrder.ClassWorstFirst => e.Class.ToString(),
        EnterpriseOrder.QualityIndexHighFirst or EnterpriseOrder.QualityIndexLowFirst =>
            e.QualityIndex.ToString("R", CultureInfo.InvariantCulture),
        _ => e.Name,
    }, e.Id);
}
