using System.Globalization;
using ProductQuality.Graph.Warnings;

namespace ProductQuality.Graph.Data.Seeding;

/// <summary>
/// Risk warning bulletins (质量预警) that follow the data: every half year the products with the most
/// failures in the past twelve months get a sector warning, and every year the town with the worst
/// cluster of failures of one product gets a regional one — about 30 bulletins in five years.
/// </summary>
internal sealed class WarningGenerator(
    ReferenceDataSet reference, HistoryStatistics stats, int seed, DateOnly start, DateOnly today)
{
    public List<RiskWarning> Generate()
    {
        var r = SeedRandom.Create(seed, -1, 3);
        var drafts = new List<RiskWarning>();
        var lastWarned = new Dictionary<string, DateOnly>(StringComparer.Ordinal);
        var checkpoints = Enumerable.Range(start.Year, today.Year - start.Year + 1)
            .SelectMany(y => new[] { new DateOnly(y, 6, 30), new DateOnly(y, 12, 31) })
            .Where(c => c >= start.AddMonths(6) && c <= today);
        foreach (var checkpoint in checkpoints)
        {
            var from = checkpoint.AddYears(-1).AddDays(1);
            var ranked = reference.Profiles.Keys
                .Select(p => (Product: p, Counts: stats.Window(p, from, checkpoint)))
                .Where(x => x.Counts.Failed > 0
                    && !(lastWarned.TryGetValue(x.Product, out var w) && w > checkpoint.AddYears(-1)))
                .OrderByDescending(x => x.Counts.Failed).ThenBy(x => x.Product, StringComparer.Ordinal)
                .Take(r.Next(2, 4))
                .ToList();
            foreach (var (product, counts) in ranked)
            {
                var issued = checkpoint.AddDays(r.Next(10, 45));
                if (issued > today)
                {
                    continue;
                }

                lastWarned[product] = issued;
                drafts.Add(Sector(product, counts.Sampled, counts.Failed, from, checkpoint, issued));
            }

            if (checkpoint.Month == 12)
            {
                var worst = stats.TownFailures.Where(t => t.Key.Year == checkpoint.Year && t.Value >= 2)
                    .OrderByDescending(t => t.Value).ThenBy(t => t.Key.Town, StringComparer.Ordinal)
                    .ThenBy(t => t.Key.Product, StringComparer.Ordinal)
                    .FirstOrDefault();
                var issued = checkpoint.AddDays(r.Next(15, 60));
                if (worst.Value > 0 && issued <= today)
                {
                    drafts.Add(Regional(worst.Key.Town, worst.Key.Product, worst.Value, checkpoint.Year, issued));
                }
            }
        }

        // Numbered per year in the order issued, as a bureau's document register would.
        var numbered = drafts.OrderBy(w => w.IssuedOn).ThenBy(w => w.Title, StringComparer.Ordinal).ToList();
        foreach (var year in numbered.GroupBy(w => w.IssuedOn.Year))
        {
            var n = 0;
            foreach (var w in year)
            {
                w.Number = string.Create(CultureInfo.InvariantCulture, $"嘉市监质预〔{year.Key}〕{++n}号");
            }
        }

        return numbered;
    }

    private RiskWarning Sector(
        string product, int sampledCount, int failedCount, DateOnly from, DateOnly to, DateOnly issued)
    {
        var p = reference.Profiles[product];
        var rate = (double)failedCount / Math.Max(1, sampledCount);
        var (severity, word) = rate switch
        {
            >= 0.25 => (WarningSeverity.Serious, "严重警示"),
            >= 0.10 => (WarningSeverity.Warning, "警示"),
            _ => (WarningSeverity.Notice, "提示"),
        };
        var items = string.Join("、", p.FailureItems.Take(3).Select(i => i.Name));
        return new RiskWarning
        {
            Number = string.Empty,
            Title = $"关于{p.NameZh}质量安全风险的{word}",
            Summary = string.Create(CultureInfo.InvariantCulture,
                $"{from:yyyy年M月d日}至{to:yyyy年M月d日}，全市监督抽查{p.NameZh}{sampledCount}批次，不合格{failedCount}批次，"
                + $"不合格率{rate:P1}。主要不合格项目：{items}。请各县（市、区）局加强监管，督促生产企业落实质量安全主体责任。"),
            IssuedOn = issued, Scope = WarningScope.Sector, Severity = severity, ProductCode = product,
            RecordedAtUtc = Stamp.At(issued, 3),
        };
    }

    private RiskWarning Regional(string town, string product, int failures, int year, DateOnly issued)
    {
        var p = reference.Profiles[product];
        var place = reference.Regions.First(x => x.Code == town).Name;
        return new RiskWarning
        {
            Number = string.Empty,
            Title = $"关于{place}{p.NameZh}产品质量问题的警情通报",
            Summary = string.Create(CultureInfo.InvariantCulture,
                $"{year}年{place}{p.NameZh}生产企业监督抽查不合格{failures}批次，呈区域性质量问题。请属地市场监管部门开展专项整治，组织企业自查自纠。"),
            IssuedOn = issued, Scope = WarningScope.Regional,
            Severity = failures >= 4 ? WarningSeverity.Serious : WarningSeverity.Warning,
            ProductCode = product, RegionCode = town, RecordedAtUtc = Stamp.At(issued, 3),
        };
    }
}
