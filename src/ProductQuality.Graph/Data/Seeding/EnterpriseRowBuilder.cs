using System.Globalization;
using ProductQuality.Graph.Enforcement;
using ProductQuality.Graph.Enterprises;
using ProductQuality.Graph.Inspections;
using ProductQuality.Graph.Rules.Timeline;

namespace ProductQuality.Graph.Data.Seeding;

/// <summary>
/// Turns a draft and its replayed assessment into rows: licences (生产许可证 when the product needs one,
/// CCC when it is in the catalogue), management records, samplings with report numbers and failed items,
/// decisions and complaints. Strings come from the enterprise's second random stream.
/// </summary>
internal sealed class EnterpriseRowBuilder(ReferenceDataSet reference, NumberSequences numbers, DateOnly today)
{
    private readonly Dictionary<string, string> productNames =
        reference.Products.ToDictionary(p => p.Code, p => p.NameZh, StringComparer.Ordinal);

    public string ProductName(string code) => productNames[code];

    public List<Licence> Licences(Random r, EnterpriseDraft draft)
    {
        var licences = new List<Licence>();
        var earliest = draft.EstablishedOn > today.AddYears(-5) ? draft.EstablishedOn : today.AddYears(-5).AddDays(1);
        foreach (var code in draft.ProductCodes)
        {
            var profile = reference.Profiles[code];
            var category = int.Parse(profile.CategoryCode.AsSpan(1), CultureInfo.InvariantCulture);
            var unit = int.Parse(code.AsSpan(1), CultureInfo.InvariantCulture);
            if (profile.ProductionLicence)
            {
                var issued = r.DayBetween(earliest, today.AddDays(-30));
                var number = string.Create(CultureInfo.InvariantCulture,
                    $"(浙)XK{category:D2}-{unit:D3}-{numbers.Next("XK" + code, 0):D5}");
                licences.Add(new Licence
                {
                    ProductCode = code, Kind = LicenceKind.ProductionLicence, Number = number, IssuedOn = issued,
                    ExpiresOn = issued.AddYears(5).AddDays(-1),
                });
            }

            if (profile.Ccc)
            {
                var issued = r.DayBetween(earliest, today.AddDays(-30));
                var number = string.Create(CultureInfo.InvariantCulture,
                    $"{issued.Year}01{category:D2}{numbers.Next("CCC", issued.Year):D8}");
                licences.Add(new Licence
                {
                    ProductCode = code, Kind = LicenceKind.CccCertificate, Number = number, IssuedOn = issued,
                    ExpiresOn = issued.AddYears(5).AddDays(-1),
                });
            }
        }

        return licences;
    }

    public List<Inspection> Inspections(Random r, EnterpriseDraft draft)
    {
        var labs = reference.Names.Labs;
        return draft.Samplings.Select(s => new Inspection
        {
            ProductCode = s.ProductCode,
            SampledOn = s.Date,
            Batch = string.Create(CultureInfo.InvariantCulture,
                $"{s.Date.AddDays(-r.Next(3, 90)):yyyyMMdd}-{r.Next(1, 30):D2}"),
            SpecModel = string.Create(CultureInfo.InvariantCulture,
                $"{(char)('A' + r.Next(26))}{(char)('A' + r.Next(26))}-{r.Next(100, 10000)}"),
            Level = s.Level,
            Lab = labs[r.Next(labs.Count)],
            ReportNumber = string.Create(CultureInfo.InvariantCulture,
                $"{ReportPrefix(s.Level, draft.CountyCode)}{s.Date.Year}"
                + $"{numbers.Next("R" + ReportPrefix(s.Level, draft.CountyCode), s.Date.Year):D6}"),
            Passed = s.Passed,
            RectificationOrderedOn = s.RectificationOrderedOn,
            RecordedAtUtc = Stamp.At(s.Date, 8),
            FailedItems = s.FailedItems
                .Select(i => new InspectionFailedItem { Name = i.Name, IsSafetyItem = i.IsSafetyItem }).ToList(),
        }).ToList();
    }

    public List<EnforcementDecision> Decisions(EnterpriseDraft draft, IReadOnlyList<string> decisionNumbers) =>
        draft.Decisions.Select((d, i) => new EnforcementDecision
        {
            Kind = d.Kind,
            DecisionNumber = decisionNumbers[i],
            DecidedOn = d.Date,
            FineYuan = d.FineYuan,
            Summary = d.Kind switch
            {
                EnforcementKind.UnlicensedProduction =>
                    $"未取得生产许可证擅自生产{ProductName(d.ProductCode)}，责令停止生产，没收违法生产的产品，并处罚款。",
                EnforcementKind.Counterfeiting => $"生产{ProductName(d.ProductCode)}以假充真、以次充好，没收违法所得，并处罚款。",
                EnforcementKind.IpInfringement => $"生产的{ProductName(d.ProductCode)}侵犯他人注册商标专用权，责令停止侵权，并处罚款。",
                _ => $"生产的{ProductName(d.ProductCode)}不符合保障人体健康和人身、财产安全的国家标准，给予行政处罚。",
            },
            RecordedAtUtc = Stamp.At(d.Date, 9),
        }).ToList();

    public static List<Complaint> Complaints(EnterpriseDraft draft) =>
        draft.Complaints.Select(c => new Complaint
        {
            FoundValidOn = c.Date, ProductCode = c.ProductCode, Summary = c.Summary,
            RecordedAtUtc = Stamp.At(c.Date, 10),
        }).ToList();

    public static List<ManagementRecord> Management(EnterpriseDraft draft) =>
        draft.Management.Select(m => new ManagementRecord
        {
            EffectiveFrom = m.Date, Traceability = m.Traceability, QualitySystem = m.QualitySystem, Note = m.Note,
            RecordedAtUtc = Stamp.At(m.Date, 11),
        }).ToList();

    // National and provincial reports carry the plan's prefix; city and county reports the bureau's.
    private static string ReportPrefix(SamplingLevel level, string countyCode) => level switch
    {
        SamplingLevel.National => "GJCC",
        SamplingLevel.Provincial => "ZJCC",
        SamplingLevel.City => "JXCC",
        _ => "JX" + countyCode[^2..] + "CC",
    };
}
