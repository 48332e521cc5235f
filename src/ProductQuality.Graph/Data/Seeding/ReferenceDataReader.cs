using System.Globalization;
using ProductQuality.Graph.Products;
using ProductQuality.Graph.Regions;
using ProductQuality.Graph.Rules.Products;

namespace ProductQuality.Graph.Data.Seeding;

/// <summary>Reads the CSVs embedded as <c>ReferenceData.&lt;file&gt;.csv</c> (see ReferenceData/README.md).</summary>
public static class ReferenceDataReader
{
    /// <summary>Reads all reference files.</summary>
    public static ReferenceDataSet Read()
    {
        var regions = Rows("regions").Select(ToRegion).ToList();
        var countyOf = regions.Where(r => r.Level == RegionLevel.County).Select(r => r.Code)
            .ToHashSet(StringComparer.Ordinal);
        foreach (var region in regions.Where(r => r.Level is RegionLevel.Town or RegionLevel.Subdistrict))
        {
            region.CountyCode = countyOf.Contains(region.ParentCode!) ? region.ParentCode
                : throw new InvalidDataException(
                    $"regions.csv: town {region.Code} has parent {region.ParentCode}, which is not a county.");
        }

        var categories = Rows("categories").Select(r => new ProductCategory
        {
            Code = r["code"], NameZh = r["name_zh"], NameEn = r["name_en"], NameConfirmed = r["confirmed"] == "yes",
        }).ToList();
        var productRows = Rows("products").ToList();
        var products = productRows.Select(ToProduct).ToList();
        var profiles = productRows.Select(ToProfile).ToDictionary(p => p.Code, StringComparer.Ordinal);
        var clusters = Rows("clusters")
            .Select(r => new ClusterWeight(
                r["region_code"], r["product_code"], int.Parse(r["weight"], CultureInfo.InvariantCulture)))
            .ToList();
        var words = Rows("names").ToLookup(r => r["kind"], r => r["value"], StringComparer.Ordinal);
        var names = new NameVocabulary(
            [.. words["prefix"]], [.. words["suffix"]], [.. words["surname"]], [.. words["given"]], [.. words["lab"]],
            [.. words["street"]]);
        var signals = Rows("signals").Select(SignalPattern.From).ToList();
        var counties = Rows("counties").Select(CountyProfile.From)
            .ToDictionary(c => c.CountyCode, StringComparer.Ordinal);
        return new ReferenceDataSet(regions, categories, products, profiles, clusters, names, signals, counties);
    }

    private static Region ToRegion(IReadOnlyDictionary<string, string> r)
    {
        var level = r["level"] switch
        {
            "city" => RegionLevel.City,
            "county" => RegionLevel.County,
            "subdistrict" => RegionLevel.Subdistrict,
            "town" => RegionLevel.Town,
            var other => throw new InvalidDataException($"regions.csv: unknown level '{other}' of {r["code"]}."),
        };

        // The city's parent (the province) is outside the tree, hence null.
        return new Region
        {
            Code = r["code"], Name = r["name"], NameEn = r["name_en"], Level = level,
            ParentCode = level == RegionLevel.City ? null : r["parent_code"],
            CountyCode = level == RegionLevel.County ? r["code"] : null,
        };
    }

    private static Product ToProduct(IReadOnlyDictionary<string, string> r) => new()
    {
        Code = r["code"], CategoryCode = r["category_code"], NameZh = r["name_zh"], NameEn = r["name_en"],
        NameConfirmed = r["name_source"] == "confirmed",
        ForChildren = r["for_children"] == "1", ForElderly = r["for_elderly"] == "1",
        SafetyCritical = r["safety_critical"] == "1", FoodContact = r["food_contact"] == "1",
        ProductionLicenceRequired = r["production_licence"] == "1", CccRequired = r["ccc"] == "1",
        NationalGrade = r["national_grade"] switch
        {
            "I" => NationalRiskGrade.I,
            "II" => NationalRiskGrade.II,
            "III" => NationalRiskGrade.III,
            "" => null,
            var other => throw new InvalidDataException(
                $"products.csv: unknown national_grade '{other}' of {r["code"]}."),
        },
    };

    private static ProductProfile ToProfile(IReadOnlyDictionary<string, string> r) => new(
        r["code"], r["category_code"], r["name_zh"],
        double.Parse(r["base_failure_rate"], CultureInfo.InvariantCulture),
        r["failure_items"].Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(i => i.EndsWith('!') ? new FailureItem(i[..^1], true) : new FailureItem(i, false))
            .ToList(),
        r["production_licence"] == "1",
        r["ccc"] == "1");

    private static List<IReadOnlyDictionary<string, string>> Rows(string file)
    {
        var name = $"ReferenceData.{file}.csv";
        using var stream = typeof(ReferenceDataReader).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException(
                $"Embedded resource {name} is missing; check the csproj's EmbeddedResource item.");
        using var reader = new StreamReader(stream);
        var header = CsvSplitter.Split(reader.ReadLine() ?? throw new InvalidDataException($"{name} is empty."));
        var rows = new List<IReadOnlyDictionary<string, string>>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0)
            {
                continue;
            }

            var fields = CsvSplitter.Split(line);
            if (fields.Count != header.Count)
            {
                throw new InvalidDataException(
                    $"{name}: line '{line}' has {fields.Count} fields; the header has {header.Count}.");
            }

            rows.Add(header.Zip(fields).ToDictionary(p => p.First, p => p.Second, StringComparer.Ordinal));
        }

        return rows;
    }
}
