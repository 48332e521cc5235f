using ProductQuality.Graph.Data;
using ProductQuality.Graph.Data.Seeding;
using ProductQuality.Graph.Regions;
using ProductQuality.Graph.Rules;
using ProductQuality.Graph.Rules.Regions;

namespace ProductQuality.Graph.Assessment;

/// <summary>
/// Colours and indexes every town, county and the city on one date with <see cref="RegionColourRule"/>
/// and <see cref="RegionIndexRule"/>, from the aggregates of the enterprises located in each town.
/// </summary>
public sealed class RegionAssessmentBuilder(RulesOptions rules, IReadOnlyList<Region> regions)
{
    private readonly RegionColourRule colourRule = new(rules);
    private readonly RegionIndexRule indexRule = new(rules);

    public List<RegionAssessment> Build(DateOnly date, IReadOnlyDictionary<string, RegionAggregate> byTown)
    {
        ArgumentNullException.ThrowIfNull(byTown);
        var byRegion = regions.ToDictionary(r => r.Code, _ => new RegionAggregate(), StringComparer.Ordinal);
        var city = regions.Single(r => r.Level == RegionLevel.City).Code;
        foreach (var (town, aggregate) in byTown)
        {
            byRegion[town].Merge(aggregate);
            byRegion[regions.First(r => r.Code == town).CountyCode!].Merge(aggregate);
            byRegion[city].Merge(aggregate);
        }

        return regions.Select(r => Assess(r, date, byRegion[r.Code])).ToList();
    }

    public RegionAssessment Assess(Region region, DateOnly date, RegionAggregate aggregate)
    {
        ArgumentNullException.ThrowIfNull(region);
        ArgumentNullException.ThrowIfNull(aggregate);
        var counts = aggregate.Counts();
        var colour = colourRule.Evaluate(counts, colourRule.ThresholdsFor(LevelOf(region), region.CountyCode));
        var index = indexRule.Evaluate(aggregate.Entries());

        // A region without key-product enterprises has nothing to deduct from; its explanation says so.
        return new RegionAssessment
        {
            RegionCode = region.Code,
            EffectiveFrom = date,
            Colour = colour.Colour,
            QualityIndex = (double)(index.Index ?? 100m),
            EnterpriseCount = counts.Total,
            RedCount = counts.Red,
            YellowCount = counts.Yellow,
            BlueCount = counts.Blue,
            GreenCount = counts.Green,
            ClassCCount = counts.ClassC,
            Explanation = ExplanationJson.Serialize(new[] { colour.Explanation, index.Explanation }),
            RulesVersion = rules.Version,
            RecordedAtUtc = Stamp.At(date, 7),
        };
    }

    /// <summary>The level whose minimum and thresholds apply: sub-districts are coloured as towns.</summary>
    public static ColourLevel LevelOf(Region region) => region?.Level switch
    {
        RegionLevel.City => ColourLevel.City,
        RegionLevel.County => ColourLevel.County,
        _ => ColourLevel.Town,
    };
}
