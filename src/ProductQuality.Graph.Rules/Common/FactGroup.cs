namespace ProductQuality.Graph.Rules.Common;

/// <summary>
/// The kind of fact a piece of explanation text states. The host maps each to one of its field groups (ACCESS.md),
/// so a reader sees a factor or a clause only when it may read the fields that fact comes from. The rules project
/// cannot reference the host's groups, hence this small vocabulary of its own.
/// </summary>
public enum FactGroup
{
    /// <summary>An enterprise's class, its dates and transitions (升降原则), that an override applies.</summary>
    Class,

    /// <summary>The conditions behind a class: sampling counts, traceability, quality management system.</summary>
    ClassFactors,

    /// <summary>Health code, map colour and quality index values.</summary>
    Health,

    /// <summary>Listed or not, since when.</summary>
    BlacklistStatus,

    /// <summary>Why listed or removed: triggers, decision numbers, violations, rectification period.</summary>
    BlacklistDetail,

    /// <summary>Assured consumption status and validity.</summary>
    Assured,

    /// <summary>Individual sampling inspections: date, product, result.</summary>
    Inspections,

    /// <summary>Product risk tiers and their factors.</summary>
    ProductTiers,

    /// <summary>Region colours, shares and indices.</summary>
    Regions,

    /// <summary>
    /// Enforcement: penalties, decisions, unlicensed-production findings, valid complaints and the regulator's own
    /// free-text override reasons. No partner contract reads these; only the regulators do.
    /// </summary>
    Enforcement,

    /// <summary>
    /// Sampling results counted over every county's enterprises: a product's failed and sampled batches. Inspection
    /// facts — of the one maker, when a product has one — so read only with the inspections group, and only by a
    /// reader who sees every county.
    /// </summary>
    CityInspections,

    /// <summary>
    /// Risk warning bulletins (警情通报) counted over the city, regional ones of every county included: read only with
    /// the warnings group, and only by a reader who sees every county.
    /// </summary>
    CityWarnings,

    /// <summary>
    /// Valid complaints (有效投诉) counted over every county's makers of a product: enforcement facts, so read only
    /// with the regulators' write group, and only by a reader who sees every county.
    /// </summary>
    CityEnforcement,
}
