namespace ProductQuality.Graph.Rules.Regions;

/// <summary>Key-product enterprises located in a town, county or the city, counted by map colour and class C.</summary>
/// <param name="Red">Enterprises whose map colour is RED.</param>
/// <param name="Yellow">… YELLOW.</param>
/// <param name="Blue">… BLUE.</param>
/// <param name="Green">… GREEN.</param>
/// <param name="ClassC">Enterprises of class C (any colour; used by the class-C basis).</param>
public sealed record RegionCounts(int Red, int Yellow, int Blue, int Green, int ClassC = 0)
{
    /// <summary>All key-product enterprises of the region.</summary>
    public int Total => Red + Yellow + Blue + Green;
}
