namespace ProductQuality.Graph.Data.Seeding;

/// <summary>The words of names.csv, by kind.</summary>
/// <param name="Prefixes">Two-character brand-like words (字号).</param>
/// <param name="Suffixes">Legal-form endings (有限公司 …).</param>
/// <param name="Surnames">Surnames of legal representatives.</param>
/// <param name="GivenNames">Given names.</param>
/// <param name="Labs">Inspection bodies (检验机构).</param>
/// <param name="Streets">Road names for addresses.</param>
public sealed record NameVocabulary(
    IReadOnlyList<string> Prefixes,
    IReadOnlyList<string> Suffixes,
    IReadOnlyList<string> Surnames,
    IReadOnlyList<string> GivenNames,
    IReadOnlyList<string> Labs,
    IReadOnlyList<string> Streets);
