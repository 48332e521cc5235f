using System.Globalization;
using System.Text;
using ProductQuality.Graph.Enterprises;

namespace ProductQuality.Graph.Data.Seeding;

/// <summary>
/// Names, credit codes, addresses and phones. Credit codes are 91 + the county's division code + nine
/// characters that encode the enterprise's index through a bijection (so they are unique by construction
/// and look random) + the GB 32100 check character.
/// </summary>
internal sealed class IdentityWriter(ReferenceDataSet reference, Geography geography, int seed)
{
    private const long BodySpace = 26_439_622_160_671; // 31^9
    private const long Multiplier = 7_777_777_777;    // not a multiple of 31, so index → body is one-to-one
    private static readonly string[] GenericSuffixes =
        ["有限公司", "股份有限公司", "实业有限公司", "科技有限公司", "制造有限公司", "工贸有限公司", "集团有限公司"];
    private static readonly int[] PhonePrefixes =
    [
        130, 131, 132, 133, 135, 136, 137, 138, 139, 150, 151, 152, 153, 155, 157, 158, 159,
        180, 181, 182, 183, 185, 186, 187, 188, 189,
    ];
    private readonly long offset = (long)SeedRandom.For(seed, -2, 4) * 977;
    private readonly NameRegistry names = new();

    public string CreditCodeFor(int index, string countyCode)
    {
        var value = (((index * Multiplier) + offset) % BodySpace + BodySpace) % BodySpace;
        var body = new StringBuilder(9);
        for (var i = 0; i < 9; i++)
        {
            body.Insert(0, CreditCode.Alphabet[(int)(value % 31)]);
            value /= 31;
        }

        return CreditCode.WithCheckCharacter("91" + countyCode + body);
    }

    public string NameFor(Random r, EnterpriseDraft draft)
    {
        var place = r.NextDouble() switch
        {
            < 0.45 => geography.PlaceWord(draft.CountyCode),
            < 0.60 => "浙江",
            _ => string.Empty,
        };
        var category = reference.Profiles[draft.ProductCodes[0]].CategoryCode;
        var industry = IndustryWords.For(category, reference.Names.Suffixes);
        string middle, suffix;
        if (industry.Suffixes.Count > 0 && r.Chance(0.4))
        {
            (middle, suffix) = (string.Empty, r.Pick(industry.Suffixes));
        }
        else
        {
            (middle, suffix) = (r.Pick(industry.Words), r.Pick(GenericSuffixes));
        }

        return names.Register(place + r.Pick(reference.Names.Prefixes) + middle, suffix,
            geography.TownWord(draft.TownCode));
    }

    public string AddressFor(Random r, EnterpriseDraft draft)
    {
        var county = geography.Regions[draft.CountyCode].Name;
        var town = geography.Regions[draft.TownCode].Name;
        return string.Create(CultureInfo.InvariantCulture,
            $"浙江省嘉兴市{county}{town}{r.Pick(reference.Names.Streets)}{r.Next(1, 1200)}号");
    }

    public string PersonFor(Random r) => r.Pick(reference.Names.Surnames) + r.Pick(reference.Names.GivenNames);

    public static string PhoneFor(Random r) =>
        string.Create(CultureInfo.InvariantCulture,
            $"{PhonePrefixes[r.Next(PhonePrefixes.Length)]}{r.Next(0, 100_000_000):D8}");
}
