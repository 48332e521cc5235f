using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
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
/// the picture. It reads settings as the server and the other verbs do. Progress goes to standard error. A
/// Clock:Today before the database's latest evaluation is refused (exit 2): the tiers and classes are stored as of
/// that evaluation only, so the report would mix two days.
/// </summary>
internal static class ReportVerb
{
    public static async Task<int> RunAsync(string[] args)
    {
        using var host = CommandLine.BuildHost(args, databaseMustExist: true);
        using var scope = host.Services.CreateScope();
        var services = scope.ServiceProvider;
        var today = services.GetRequiredService<BureauClock>().Today;
        var db = services.GetRequiredService<ProductQualityDbContext>();
        // A half-written data set printed zeros, exit 0, as if it were the bureau's picture.
        await DatabaseStateException.ThrowIfNoDataSetAsync(db);
        if (await EvaluatedAfterAsync(db, today) is { } later)
        {
            await Console.Error.WriteLineAsync(PastDay(today, later));
            return 2;
        }

        // Progress on standard error (the counts take a while on a large data set); the report on standard output.
        await Console.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"Counting the report as of {today:yyyy-MM-dd}…"));
        var statistics = await StatisticsCollector.CollectAsync(db, RowScope.City,
            services.GetRequiredService<InspectionFrequencyRule>(), services.GetRequiredService<RulesOptions>(), today,
            new ConsoleProgress(), default);
        Console.Write(Print(statistics));
        return 0;
    }

    /// <summary>
    /// The newest day of an evaluation or an inspection after <paramref name="day"/>, or null. Tiers, classes, health
    /// codes, map colours and the plan are counted from what the rows hold now (their last evaluation, the last
    /// inspection), the region colours and the signals as of the day: with a record after the day, a past
    /// Clock:Today printed today's tiers and classes beside that day's colours and plan under one date.
    /// </summary>
    private static async Task<DateOnly?> EvaluatedAfterAsync(ProductQualityDbContext db, DateOnly day)
    {
        DateOnly?[] newest =
        [
            await db.EnterpriseAssessments.Where(a => a.EffectiveFrom > day).MaxAsync(a => (DateOnly?)a.EffectiveFrom),
            await db.ProductTierAssessments.Where(a => a.EffectiveFrom > day)
                .MaxAsync(a => (DateOnly?)a.EffectiveFrom),
            await db.Inspections.Where(i => i.SampledOn > day).MaxAsync(i => (DateOnly?)i.SampledOn),
        ];
        return newest.Max();
    }

    private static string PastDay(DateOnly day, DateOnly later)
    {
        var (asked, latest) = (Day(day), Day(later));
        return $"The report cannot be counted as of {asked}: the database holds evaluations or inspections up to "
            + $"{latest}, and its product tiers, enterprise classes, health codes, map colours and supervision plan "
            + $"are those of its latest state, while the region colours would be those of {asked}. Run report as of "
            + $"{latest} or later (without Clock:Today, or with a later day); for the state on a past day, ask the "
            + "server with asOf (city, region, fourColorMap, enterprise, product).";

        static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
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
