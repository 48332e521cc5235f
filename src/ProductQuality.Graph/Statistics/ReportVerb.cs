using System.Globalization;
using System.Text;
using ProductQuality.Graph.Access;
using ProductQuality.Graph.Data;
using ProductQuality.Graph.Infrastructure;
using ProductQuality.Graph.Infrastructure.Clock;
using ProductQuality.Graph.Rules;
using ProductQuality.Graph.Rules.Supervision;

namespace ProductQuality.Graph.Statistics;

/// <summary>
/// <c>report</c>: prints, for the configured database as of today, the distributions of <see cref="BureauStatistics"/>
/// for the whole city — one section a distribution, one line a value ("  KEY  count  share%") — so anyone can check
/// the picture. It reads settings as the server and the other verbs do.
/// </summary>
internal static class ReportVerb
{
    public static async Task<int> RunAsync(string[] args)
    {
        using var host = CommandLine.BuildHost(args, databaseMustExist: true);
        using var scope = host.Services.CreateScope();
        var services = scope.ServiceProvider;
        var today = services.GetRequiredService<BureauClock>().Today;
        // A half-written data set printed zeros, exit 0, as if it were the bureau's picture.
        await DatabaseStateException.ThrowIfNoDataSetAsync(services.GetRequiredService<ProductQualityDbContext>());
        var statistics = await StatisticsCollector.CollectAsync(services.GetRequiredService<ProductQualityDbContext>(),
            RowScope.City, services.GetRequiredService<InspectionFrequencyRule>(),
            services.GetRequiredService<RulesOptions>(), today, default);
        Console.Write(Print(statistics));
        return 0;
    }

    public static string Print(BureauStatistics s)
    {
        ArgumentNullException.ThrowIfNull(s);
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"Product quality report as of {s.AsOf:yyyy-MM-dd}\n");
        Section(text, "Product tiers (产品分级)", s.ProductTiers);
        Section(text, "Enterprise classes (企业分类)", s.EnterpriseClasses);
        Section(text, "Health codes (健康码)", s.HealthCodes);
        Section(text, "Map colours of enterprises (四色图)", s.MapColours);
        Section(text, "County colours (区域分色, 县)", s.CountyColours);
        Section(text, "Town colours (区域分色, 镇/街道)", s.TownColours);
        var p = s.Plan;
        text.Append("\nSupervision plan (检查计划), due by today\n");
        text.Append(CultureInfo.InvariantCulture, $"  {"ENTERPRISES",-14}{p.Enterprises,8}\n");
        text.Append(CultureInfo.InvariantCulture, $"  {"DUE",-14}{p.Due,8}\n");
        text.Append(CultureInfo.InvariantCulture, $"  {"OVERDUE",-14}{p.Overdue,8}{p.OverdueSharePercent,8:0.0}%\n");
        text.Append(CultureInfo.InvariantCulture, $"  {"MAX_DAYS",-14}{p.MaxDaysOverdue,8}\n");

        Section(text, "Risk signals by source (国内外风险信号), in the tiers' look-back window", s.SignalsBySource);
        Section(text, "Enterprises by industries made (行业): one category of products, or several", s.Industries);
        text.Append("\nCounty colours at each year end (区域分色, 县, 年末)\n");
        foreach (var year in s.CountyColoursByYearEnd)
        {
            text.Append(CultureInfo.InvariantCulture, $"  {year.YearEnd:yyyy-MM-dd}");
            foreach (var c in year.Colours)
            {
                text.Append(CultureInfo.InvariantCulture, $"  {c.Key} {c.Count}");
            }

            text.Append('\n');
        }

        return text.ToString();
    }

    private static void Section(StringBuilder text, string title, IReadOnlyList<StatisticsCount> counts)
    {
        text.Append('\n').Append(title).Append('\n');
        // Keys longer than the usual column (PROVINCIAL_MONITORING) widen it for their section only.
        var width = Math.Max(14, counts.Select(c => c.Key.Length + 1).DefaultIfEmpty(0).Max());
        foreach (var c in counts)
        {
            text.Append(CultureInfo.InvariantCulture, $"  {c.Key.PadRight(width)}{c.Count,8}{c.SharePercent,8:0.0}%\n");
        }
    }
}
