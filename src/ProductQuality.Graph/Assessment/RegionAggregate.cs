using ProductQuality.Graph.Rules.Common;
using ProductQuality.Graph.Rules.Regions;

namespace ProductQuality.Graph.Assessment;

/// <summary>
/// Counts of a region's enterprises by map colour and class C, and a histogram of their (integer)
/// indices by highest tier — enough to run the region rules without holding the enterprises.
/// </summary>
public sealed class RegionAggregate
{
    private readonly int[] colours = new int[4];
    private readonly long[,] indices = new long[3, 101];
    private int classC;

    public void Add(FourColor colour, bool isClassC, ProductTier tier, int index, int count = 1)
    {
        colours[(int)colour] += count;
        classC += isClassC ? count : 0;
        indices[(int)tier, Math.Clamp(index, 0, 100)] += count;
    }

    public void Merge(RegionAggregate other)
    {
        ArgumentNullException.ThrowIfNull(other);
        for (var c = 0; c < colours.Length; c++)
        {
            colours[c] += other.colours[c];
        }

        classC += other.classC;
        for (var t = 0; t < 3; t++)
        {
            for (var i = 0; i <= 100; i++)
            {
                indices[t, i] += other.indices[t, i];
            }
        }
    }

    public RegionCounts Counts() => new(
        colours[(int)FourColor.Red], colours[(int)FourColor.Yellow], colours[(int)FourColor.Blue],
        colours[(int)FourColor.Green], classC);

    /// <summary>One entry per enterprise, as the index rule takes them.</summary>
    public IEnumerable<EnterpriseIndexEntry> Entries()
    {
        for (var t = 0; t < 3; t++)
        {
            for (var i = 0; i <= 100; i++)
            {
                var entry = new EnterpriseIndexEntry(i, (ProductTier)t);
                for (var n = 0L; n < indices[t, i]; n++)
                {
                    yield return entry;
                }
            }
        }
    }
}
