using System.Collections.Frozen;
using ProductQuality.Graph.Data.Seeding;
using ProductQuality.Graph.Regions;
using ProductQuality.Graph.Schema;

namespace ProductQuality.Graph.ReferenceData;

/// <summary>
/// A town, product or category code a caller gives to narrow an answer: one the reference data holds, or
/// INVALID_ARGUMENT saying what a code of that kind looks like. A mistyped code ("P4", "330402999") answered an empty
/// list, which reads as "nothing there" (as county codes did: <see cref="CountyArgument"/>). The codes are the
/// embedded catalogue's, from which every database is seeded and which no write changes.
/// </summary>
internal static class CatalogueArgument
{
    private static readonly Lazy<Codes> Known = new(Codes.Read);

    /// <summary>The code, when null or a town or sub-district of Jiaxing; otherwise the refusal.</summary>
    public static string? Town(string? code, string argument) => Checked(code, argument, Known.Value.Towns,
        "is not a town or sub-district of Jiaxing: give {0} as one of the {1} nine-digit codes (GB/T 2260) of "
        + "Jiaxing's towns and sub-districts, e.g. 330402007 (建设街道).");

    /// <summary>The code, when null or a product of the catalogue; otherwise the refusal.</summary>
    public static string? Product(string? code, string argument) => Checked(code, argument, Known.Value.Products,
        "is not a product of the key industrial product catalogue: give {0} as one of its {1} codes, {2} to {3} "
        + "(the products query lists them), e.g. P004.");

    /// <summary>
    /// Whether the catalogue has the product; otherwise what a product code is, for a setting's sentence
    /// (Rules:Supervision:Exclusions names products too).
    /// </summary>
    public static string? ProductProblem(string code) => Known.Value.Products.Contains(code) ? null
        : "is not a product of the key industrial product catalogue: give one of its "
            + $"{Known.Value.Products.Count} codes, {Known.Value.Products.Min(StringComparer.Ordinal)} to "
            + $"{Known.Value.Products.Max(StringComparer.Ordinal)} (the products query lists them), e.g. P004";

    /// <summary>The code, when null or a category of the catalogue; otherwise the refusal.</summary>
    public static string? Category(string? code, string argument) => Checked(code, argument,
        Known.Value.Categories, "is not a category of the key industrial product catalogue: give {0} as one of "
        + "{2} to {3} (the productCategories query lists them), e.g. C06.");

    private static string? Checked(string? code, string argument, FrozenSet<string> known, string what)
    {
        if (code is null || known.Contains(code))
        {
            return code;
        }

        throw new DomainException(ErrorCodes.InvalidArgument,
            $"'{Infrastructure.Quoted.Start(code)}' " + string.Format(System.Globalization.CultureInfo.InvariantCulture,
                what, argument, known.Count, known.Min(StringComparer.Ordinal), known.Max(StringComparer.Ordinal)),
            new Dictionary<string, object?> { ["argument"] = argument });
    }

    private sealed record Codes(FrozenSet<string> Towns, FrozenSet<string> Products, FrozenSet<string> Categories)
    {
        public static Codes Read()
        {
            var data = ReferenceDataReader.Read();
            return new(
                data.Regions.Where(r => r.Level is RegionLevel.Town or RegionLevel.Subdistrict).Select(r => r.Code)
                    .ToFrozenSet(StringComparer.Ordinal),
                data.Products.Select(p => p.Code).ToFrozenSet(StringComparer.Ordinal),
                data.Categories.Select(c => c.Code).ToFrozenSet(StringComparer.Ordinal));
        }
    }
}
