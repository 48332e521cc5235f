namespace ProductQuality.Graph.Access;

/// <summary>
/// The field groups of ACCESS.md. Every field of the schema belongs to exactly one; a department's policy says,
/// per group, whether it sees the field in full, masked or not at all.
/// </summary>
public enum FieldGroup
{
    Identity,
    Contact,
    Class,
    ClassFactors,
    Health,
    BlacklistStatus,
    BlacklistDetail,
    Assured,
    Inspections,
    ProductTiers,
    Regions,
    Warnings,
    Audit,
    Write,

    /// <summary>
    /// Structural fields every contract that reaches the type has: connection plumbing (edges, pageInfo, cursors).
    /// </summary>
    Structure,
}
