using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ProductQuality.Graph.Data;
using ProductQuality.Graph.Tests.Infrastructure;

namespace ProductQuality.Graph.Tests.Recording;

/// <summary>The four writes that accept a document number, as data: mutation, input, number field and rows.</summary>
public static class NumberedWrite
{
    public static readonly string[] Names =
        ["recordSampling", "recordEnforcementDecision", "recordBlacklistDecision", "issueRiskWarning"];

    public static string Field(string write) => write switch
    {
        "recordSampling" => "reportNumber",
        "issueRiskWarning" => "number",
        _ => "decisionNumber",
    };

    /// <summary>Sends the write recording <paramref name="number"/> about the enterprise (or county).</summary>
    public static Task<GraphQLReply> WriteAsync(
        this HttpClient client, string write, string number, string code, string product, string county) =>
        client.PostAsync(Mutation(write), Input(write, number, code, product, county));

    /// <summary>The issuing authorities of the rows holding the number.</summary>
    public static Task<List<string>> AuthoritiesAsync(TestServerFactory factory, string write, string number) =>
        factory.DbAsync(db => write switch
        {
            "recordSampling" =>
                db.Inspections.Where(i => i.ReportNumber == number).Select(i => i.Authority).ToListAsync(),
            "recordEnforcementDecision" =>
                db.EnforcementDecisions.Where(d => d.DecisionNumber == number).Select(d => d.Authority).ToListAsync(),
            "recordBlacklistDecision" => db.BlacklistEvents.IgnoreQueryFilters()
                .Where(b => b.DecisionNumber == number).Select(b => b.Authority).ToListAsync(),
            _ => db.RiskWarnings.Where(w => w.Number == number).Select(w => w.Authority).ToListAsync(),
        });

    /// <summary>The highest number of the city's 2026 listing register (嘉市监列黑〔2026〕n号).</summary>
    public static Task<int> HighestRuleNumberAsync(TestServerFactory factory) =>
        factory.DbAsync(async db =>
        {
            const string Prefix = "嘉市监列黑〔2026〕";
            var numbers = await db.BlacklistEvents.IgnoreQueryFilters()
                .Where(b => b.Authority == IssuingAuthority.City && b.DecisionNumber.StartsWith(Prefix))
                .Select(b => b.DecisionNumber).ToListAsync();
            static int Sequence(string n) =>
                int.TryParse(n.AsSpan(Prefix.Length).TrimEnd('号'), NumberStyles.None, CultureInfo.InvariantCulture,
                    out var k) ? k : 0;
            return numbers.Select(Sequence).DefaultIfEmpty(0).Max();
        });

    private static string Mutation(string write) => write switch
    {
        "recordSampling" => Writes.RecordSampling,
        "recordEnforcementDecision" => Writes.RecordEnforcementDecision,
        "recordBlacklistDecision" => Writes.RecordBlacklistDecision,
        _ => Writes.IssueRiskWarning,
    };

    private static object Input(string write, string number, string code, string product, string county)
    {
        var key = WriteData.Key();
        return write switch
        {
            "recordSampling" => Writes.Sampling(code, product, report: number),
            "recordEnforcementDecision" => new
            {
                input = new
                {
                    idempotencyKey = key, creditCode = code, kind = "PENALTY", decisionNumber = number,
                    decidedOn = "2026-11-25", fineYuan = 500m, summary = "抽查不合格",
                },
            },
            "recordBlacklistDecision" => new
            {
                input = new
                {
                    idempotencyKey = key, creditCode = code, action = "LIST", decisionNumber = number,
                    decidedOn = "2026-11-25", reasonCategory = "COUNTERFEITING", reason = "以假充真",
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
}
