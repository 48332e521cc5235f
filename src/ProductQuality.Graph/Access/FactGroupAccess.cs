using ProductQuality.Graph.Rules.Common;

namespace ProductQuality.Graph.Access;

/// <summary>
/// Which field group each kind of fact in explanation and reason text belongs to (ACCESS.md principle 6, "text is
/// data"). A contract reads a fact exactly when it sees that field group.
/// </summary>
public static class FactGroupAccess
{
    /// <summary>The field group whose fields state facts of this kind.</summary>
    public static FieldGroup FieldGroupOf(FactGroup fact) => fact switch
    {
        FactGroup.Class => FieldGroup.Class,
        FactGroup.ClassFactors => FieldGroup.ClassFactors,
        FactGroup.Health => FieldGroup.Health,
        FactGroup.BlacklistStatus => FieldGroup.BlacklistStatus,
        FactGroup.BlacklistDetail => FieldGroup.BlacklistDetail,
        FactGroup.Assured => FieldGroup.Assured,
        FactGroup.Inspections => FieldGroup.Inspections,
        FactGroup.ProductTiers => FieldGroup.ProductTiers,
        FactGroup.Regions => FieldGroup.Regions,

        // Penalties, decisions, findings, complaints and override reasons are read today only through the regulators'
        // write payloads, so their facts go with the Write group: no partner contract has it.
        FactGroup.Enforcement => FieldGroup.Write,

        // Counted over every county: Reads(Audience, FactGroup) asks the reader's rows too.
        FactGroup.CityInspections => FieldGroup.Inspections,
        FactGroup.CityWarnings => FieldGroup.Warnings,
        FactGroup.CityEnforcement => FieldGroup.Write,
        _ => throw new ArgumentOutOfRangeException(nameof(fact), fact, null),
    };

    /// <summary>Whether the contract may read facts of this kind.</summary>
    public static bool Reads(this SchemaContract contract, FactGroup fact)
    {
        ArgumentNullException.ThrowIfNull(contract);
        return contract.Sees(FieldGroupOf(fact));
    }

    /// <summary>
    /// Whether the audience may read facts of this kind: its contract's groups, and for facts counted over every
    /// county (<see cref="FactGroup.CityInspections"/>, <see cref="FactGroup.CityWarnings"/>,
    /// <see cref="FactGroup.CityEnforcement"/>) rows of every county.
    /// </summary>
    public static bool Reads(this Audience audience, FactGroup fact)
    {
        ArgumentNullException.ThrowIfNull(audience);
        return audience.Contract.Reads(fact)
            && (fact is not (FactGroup.CityInspections or FactGroup.CityWarnings or FactGroup.CityEnforcement)
                || audience.Rows.County is null);
    }

    /// <summary>Whether the contract may read every fact a clause states.</summary>
    public static bool Reads(this SchemaContract contract, SummaryClause clause)
    {
        ArgumentNullException.ThrowIfNull(clause);
        return clause.Groups.Count > 0 && clause.Groups.All(contract.Reads);
    }

    /// <summary>
    /// Whether the contract reads facts of every kind (the regulators, who alone read untagged text).
    /// </summary>
    public static bool ReadsEveryFact(this SchemaContract contract) => Enum.GetValues<FactGroup>().All(contract.Reads);
}
