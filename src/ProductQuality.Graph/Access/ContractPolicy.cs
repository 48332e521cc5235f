namespace ProductQuality.Graph.Access;

/// <summary>
/// One contract as configured (<c>Access:Contracts:&lt;name&gt;</c>): a named set of field groups and how each is
/// read. Departments name the contract they use; several may share one (ACCESS.md principle 8).
/// </summary>
public sealed class ContractPolicy
{
    /// <summary>Human description, e.g. "Regulators: every field (监管部门)".</summary>
    public string? Name { get; set; }

    /// <summary>
    /// Access per field group. Every group is stated, <c>Hidden</c> included, so the configuration reads as the
    /// matrix of ACCESS.md and a group left out by mistake stops the server instead of silently hiding data.
    /// </summary>
    public Dictionary<FieldGroup, FieldAccess> Groups { get; set; } = [];
}
