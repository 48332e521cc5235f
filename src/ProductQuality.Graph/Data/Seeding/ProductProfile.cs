namespace ProductQuality.Graph.Data.Seeding;

/// <summary>What the generator knows about a product beyond the catalogue entity: how often and how it fails.</summary>
/// <param name="Code">Product code, P001…P273.</param>
/// <param name="CategoryCode">Category code, C01…C13.</param>
/// <param name="NameZh">Chinese name.</param>
/// <param name="BaseFailureRate">City nonconformity rate of an average enterprise, 0.02–0.22.</param>
/// <param name="FailureItems">Typical failing items.</param>
/// <param name="ProductionLicence">Under production licence management (生产许可证).</param>
/// <param name="Ccc">Under compulsory certification (CCC).</param>
public sealed record ProductProfile(
    string Code,
    string CategoryCode,
    string NameZh,
    double BaseFailureRate,
    IReadOnlyList<FailureItem> FailureItems,
    bool ProductionLicence,
    bool Ccc);
