using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ProductQuality.Graph.Blacklist;
using ProductQuality.Graph.Data;
using ProductQuality.Graph.Tests.Infrastructure;

namespace ProductQuality.Graph.Tests.Recording;

/// <summary>The four writes that accept a document number, as data: their mutation, input, number field and rows.</summary>
public static class NumberedWrite
{
    public static readonly string[] Names = ["recordSampling", "recordEnforcementDecision", "recordBlacklistDecision", "issueRiskWarning"];

    public static string Mutation(string write) => write switch
    {
        "recordSampling" => Writes.RecordSampling,
        "recordEnforcementDecision" => Writes.RecordEnforcementDecision,
        "recordBlacklistDecision" => Writes.RecordBlacklistDecision,
        _ => Writes.IssueRiskWarning,
    };

    public static string Field(string write) => write switch
    {
        "recordSampling" => "reportNumber",
        "issueRiskWarning" => "number",
        _ => "decisionNumber",
    };

    /// <summary>An input recording <paramref name="number"/> about the enterprise (a warning: about the county).</summary>
    public static object Input(string write, string number, string code, string product, string county)
    {
        var key = WriteData.Key();
        return write switch
        {
            "recordSampling" => Writes.Sampling(code, product, report: number),
            "recordEnforcementDecision" => new
            {
                input = new { idempotencyKey = key, creditCode = code, kind = "PENALTY", decisionNumber = number, decidedOn = "2026-11-25", fineYuan = 500m, summary = "抽查不合格" },
            },
            "recordBlacklistDecision" => new
            {
                input = new
                {
                    idempotencyKey = key, creditCode = code, action = "LIST", decisionNumber = number, decidedOn = "2026-11-25",
                    reasonCategory = "COUNTERFEITING", reason = "以假充真",
                },
            },
            _ => new
            {
                input = new
                {
                    idempotencyKey = key, number, title = "质量预警", summary = "抽查发现问题", issuedOn = "2026-11-25",
                    scope = "REGIONAL", severity = "NOTICE", regionCode = county,
                },
            },
        };
    }

    /// <summary>The issuing authorities of the rows holding the number.</summary>
    public static Task<List<string>> AuthoritiesAsync(TestServerFactory factory, string write, string number) =>
        factory.DbAsync(db => write switch
        {
            "recordSampling" => db.Inspections.Where(i => i.ReportNumber == number).Select(i => i.Authority).ToListAsync(),
            "recordEnforcementDecision" => db.EnforcementDecisions.Where(d => d.DecisionNumber == number).Select(d => d.Authority).ToListAsync(),
            "recordBlacklistDecision" => db.BlacklistEvents.IgnoreQueryFilters().Where(b => b.DecisionNumber == number).Select(b => b.Authority).ToListAsync(),
            _ => db.RiskWarnings.Where(w => w.Number == number).Select(w => w.Authority).ToListAsync(),
        });

    /// <summary>The highest number of the city's 2026 listing register (嘉市监列黑〔2026〕n号).</summary>
    public static Task<int> HighestRuleNumberAsync(WritableServerFactory factory) =>
        factory.DbAsync(async db =>
        {
            const string prefix = "嘉市监列黑〔2026〕";
            var numbers = await db.BlacklistEvents.IgnoreQueryFilters()
                .Where(b => b.Authority == IssuingAuthority.City && b.DecisionNumber.StartsWith(prefix)).Select(b => b.DecisionNumber).ToListAsync();
            return numbers.Select(n => int.TryParse(n.AsSpan(prefix.Length).TrimEnd('号'), NumberStyles.None, CultureInfo.InvariantCulture, out var k) ? k : 0)
                .DefaultIfEmpty(0).Max();
        });
}
