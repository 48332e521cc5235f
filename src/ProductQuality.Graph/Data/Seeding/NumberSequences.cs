using System.Globalization;

namespace ProductQuality.Graph.Data.Seeding;

/// <summary>
/// Running document numbers (文号) per register and year — decisions, listings, reports — so every
/// number is unique. Numbers are handed out in generation order, which is deterministic.
/// </summary>
internal sealed class NumberSequences
{
    private readonly Dictionary<(string Register, int Year), int> next = [];

    public int Next(string register, int year)
    {
        var key = (register, year);
        var n = next.GetValueOrDefault(key) + 1;
        next[key] = n;
        return n;
    }

    /// <summary>A bureau document number such as 嘉市监处罚〔2024〕123号.</summary>
    public string Document(string register, DateOnly date) =>
        string.Create(CultureInfo.InvariantCulture, $"{register}〔{date.Year}〕{Next(register, date.Year)}号");
}
