using Microsoft.EntityFrameworkCore;
using ProductQuality.Graph.Enterprises;
using ProductQuality.Graph.Tests.Infrastructure;

namespace ProductQuality.Graph.Tests.Blacklist;

/// <summary>
/// The lists a project-approval system sends: every seeded enterprise's code, codes nobody has, malformed codes
/// (the mistakes people make typing them) and repeats, shuffled deterministically.
/// </summary>
public sealed record BulkCodes(IReadOnlyList<string> Codes, IReadOnlyDictionary<string, SeededEnterprise> Seeded)
{
    private static readonly string[] Malformed =
        ["9131011066600721", "91310110666OO7217T", "91310110666007217U", "91310110666007217t", "", " "];

    public static async Task<BulkCodes> MakeAsync(TestServerFactory factory, int count)
    {
        var seeded = await factory.DbAsync(db => db.Enterprises.AsNoTracking()
            .Select(e => new SeededEnterprise(e.CreditCode, e.CountyCode, e.IsBlacklisted, e.BlacklistedSince,
                e.IsAssured))
            .ToDictionaryAsync(e => e.CreditCode, StringComparer.Ordinal));
        var random = new Random(11);
        var codes = new List<string>(count);
        codes.AddRange(seeded.Keys.Order(StringComparer.Ordinal));
        codes.AddRange(Malformed);
        while (codes.Count < count)
        {
            codes.Add((codes.Count % 5) switch
            {
                0 => codes[random.Next(codes.Count)], // a repeat
                1 => Malformed[random.Next(Malformed.Length)],
                _ => UnknownCode(random, seeded),
            });
        }

        var shuffled = codes.Take(count).OrderBy(_ => random.Next()).ToList();
        return new BulkCodes(shuffled, seeded);
    }

    /// <summary>A small list with one of each: listed, assured, plain, malformed, repeated and unknown.</summary>
    public static async Task<string[]> SampleAsync(TestServerFactory factory)
    {
        var listed = await factory.DbAsync(db => db.Enterprises.AsNoTracking().Where(e => e.IsBlacklisted)
            .OrderBy(e => e.CreditCode).Select(e => e.CreditCode).FirstAsync());
        var assured = await factory.DbAsync(db => db.Enterprises.AsNoTracking().Where(e => e.IsAssured)
            .OrderBy(e => e.CreditCode).Select(e => e.CreditCode).FirstAsync());
        var plain = await factory.DbAsync(db => db.Enterprises.AsNoTracking()
            .Where(e => !e.IsAssured && !e.IsBlacklisted)
            .OrderBy(e => e.CreditCode).Select(e => e.CreditCode).FirstAsync());
        return [listed, assured, plain, "91310110666007217U", listed, "91310110666007217T", "9131011066600721"];
    }

    private static string UnknownCode(Random random, Dictionary<string, SeededEnterprise> seeded)
    {
        while (true)
        {
            var tail = new string(Enumerable.Range(0, 9)
                .Select(_ => CreditCode.Alphabet[random.Next(CreditCode.Alphabet.Length)]).ToArray());
            var code = CreditCode.WithCheckCharacter("91330481" + tail);
            if (!seeded.ContainsKey(code))
            {
                return code;
            }
        }
    }
}
