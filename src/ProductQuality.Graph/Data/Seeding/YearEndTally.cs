using ProductQuality.Graph.Assessment;
using ProductQuality.Graph.Regions;
using ProductQuality.Graph.Rules.Common;
using ProductQuality.Graph.Rules.Timeline;

namespace ProductQuality.Graph.Data.Seeding;

/// <summary>
/// Counts, per town, the state each replayed enterprise was in at every past year end (31 December),
/// so regions get a yearly history without a query over the history tables.
/// </summary>
internal sealed class YearEndTally
{
    private readonly Dictionary<DateOnly, Dictionary<string, RegionAggregate>> yearEnds = [];

    public YearEndTally(DateOnly start, DateOnly today)
    {
        for (var y = start.Year; new DateOnly(y, 12, 31) < today; y++)
        {
            yearEnds[new DateOnly(y, 12, 31)] = new(StringComparer.Ordinal);
        }
    }

    public void Add(string town, IReadOnlyList<StateSnapshot> snapshots)
    {
        foreach (var (yearEnd, byTown) in yearEnds)
        {
            var state = snapshots.LastOrDefault(s => s.From <= yearEnd);
            if (state is null)
            {
                continue;
            }

            if (!byTown.TryGetValue(town, out var aggregate))
            {
                byTown[town] = aggregate = new RegionAggregate();
            }

            aggregate.Add(state.MapColour, state.Class == EnterpriseClass.C, state.HighestTier, state.Index);
        }
    }

    public List<RegionAssessment> Assess(RegionAssessmentBuilder builder) =>
        yearEnds.OrderBy(y => y.Key).SelectMany(y => builder.Build(y.Key, y.Value)).ToList();
}
