using ProductQuality.Graph.Enforcement;
using ProductQuality.Graph.Rules.Timeline;

namespace ProductQuality.Graph.Data.Seeding;

/// <summary>Rare events: enforcement decisions (a few per thousand enterprise-years) and valid complaints.</summary>
internal sealed class EnforcementHistoryGenerator(ReferenceDataSet reference, DateOnly today)
{
    public List<DecisionDraft> Decisions(Random r, IReadOnlyList<string> products, double factor, DateOnly from)
    {
        var result = new List<DecisionDraft>();
        var perYear = 0.004 * factor;
        for (var d = from.AddDays(r.DaysToNext(perYear)); d <= today; d = d.AddDays(r.DaysToNext(perYear)))
        {
            var product = r.Pick(products);
            var kind = r.NextDouble() switch
            {
                < 0.55 => EnforcementKind.Penalty,
                < 0.70 => reference.Profiles[product].ProductionLicence
                    ? EnforcementKind.UnlicensedProduction
                    : EnforcementKind.Penalty,
                < 0.85 => EnforcementKind.Counterfeiting,
                _ => EnforcementKind.IpInfringement,
            };
            var fine = kind == EnforcementKind.Penalty ? r.Next(5, 201) * 1000m : r.Next(30, 501) * 1000m;
            result.Add(new DecisionDraft(d, kind, product, fine));
        }

        return result;
    }

    public List<ComplaintDraft> Complaints(Random r, IReadOnlyList<string> products, double factor, DateOnly from)
    {
        var result = new List<ComplaintDraft>();
        var perYear = 0.02 * factor;
        for (var d = from.AddDays(r.DaysToNext(perYear)); d <= today; d = d.AddDays(r.DaysToNext(perYear)))
        {
            var product = reference.Profiles[r.Pick(products)];
            var item = r.Pick(product.FailureItems).Name;
            var summary = r.Next(3) switch
            {
                0 => $"消费者反映所购{product.NameZh}存在{item}问题，经调查核实，投诉成立。",
                1 => $"消费者投诉{product.NameZh}使用中出现质量问题（{item}），经检验确认，投诉属实。",
                _ => $"消费者通过12315平台投诉{product.NameZh}质量问题，经调解及核查，认定为有效投诉。",
            };
            result.Add(new ComplaintDraft(d, product.Code, summary));
        }

        return result;
    }
}
