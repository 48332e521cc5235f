namespace ProductQuality.Graph.Rules.Enterprises;

/// <summary>
/// The one definition of "in the last N years" shared by the class and index rules, so that
/// the two never disagree about which samplings count: [as-of − N years, as-of], inclusive.
/// </summary>
internal static class SamplingWindow
{
    public static List<SamplingRecord> Of(EnterpriseFacts facts, int years)
    {
        var start = facts.AsOf.AddYears(-years);
        return facts.Samplings.Where(s => s.Date >= start && s.Date <= facts.AsOf).OrderBy(s => s.Date).ToList();
    }
}
