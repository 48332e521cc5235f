using ProductQuality.Graph.Access;
using ProductQuality.Graph.Assessment;
using ProductQuality.Graph.Rules.Common;

namespace ProductQuality.Graph.Products;

/// <summary>
/// A grading's reason as a reader reads it. The reasons are stored as plain text, and two of them state a fact: that
/// one of the product's facts arrived that day, or entered or left its window. Those facts are the makers' samplings
/// (one maker's, for a product with one), the city's bulletins and valid complaints as much as external signals, so
/// only a reader of every fact the tier counts (the city's regulator) reads them; the others read that the product
/// was re-graded. They dated every sampling of a product's one maker, passed ones included (the access probe).
/// </summary>
internal static class TierReasons
{
    /// <summary>The first grading of the generated history.</summary>
    public const string FirstGrading = "首次分级 first grading";

    /// <summary>The grading of the day the database was seeded.</summary>
    public const string InitialGrading = "初始分级 initial grading";

    /// <summary>A grading by <c>recompute</c>.</summary>
    public const string Recomputed = "重新计算 recomputed";

    /// <summary>What a reader reads of a reason that states facts it may not read (as the change feed has it).
    /// </summary>
    public const string Neutral = "re-graded (重新分级)";

    // Reasons that state how the grading was made, no fact of the product: read by every reader of tiers.
    private static readonly HashSet<string> OfTheGrading =
        new([FirstGrading, InitialGrading, Recomputed], StringComparer.Ordinal);

    private static readonly FactGroup[] Counted =
        [FactGroup.ProductTiers, FactGroup.CityInspections, FactGroup.CityWarnings, FactGroup.CityEnforcement];

    /// <summary>Whether the audience reads every fact a tier counts, and so every grading as it is stored.</summary>
    public static bool ReadsEveryFact(Audience audience) => Counted.All(audience.Reads);

    /// <summary>
    /// A stored reason as the audience reads it: whole when it reads every fact a tier counts or when the reason
    /// states none (any other text, of today or of an older release, may state one).
    /// </summary>
    public static string For(Audience audience, string stored) =>
        ReadsEveryFact(audience) || OfTheGrading.Contains(stored) ? stored : Neutral;

    /// <summary>
    /// Whether the audience reads a part of a change event's reason: a grading's reason that states the product's
    /// facts only when it reads them all (the feed's other parts are the change log's own).
    /// </summary>
    public static bool Reads(Audience audience, string part) =>
        part is not (ProductRegrading.FactReason or ProductRegrading.DueReason) || ReadsEveryFact(audience);
}
