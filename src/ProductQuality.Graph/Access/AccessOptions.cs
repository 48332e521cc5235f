namespace ProductQuality.Graph.Access;

/// <summary>
/// The access policy as data (configuration section <c>Access</c>); the default matrix of ACCESS.md ships in
/// appsettings.json.
/// </summary>
public sealed class AccessOptions
{
    public const string Section = "Access";

    /// <summary>Contracts by name (e.g. <c>regulator</c>, <c>finance</c>, <c>public</c>): what may be read.</summary>
    public Dictionary<string, ContractPolicy> Contracts { get; set; } = [];

    /// <summary>Departments by id, the <c>dept</c> claim of its tokens (e.g. <c>finance</c>, <c>samr-330481</c>).
    /// </summary>
    public Dictionary<string, DepartmentPolicy> Departments { get; set; } = [];

    /// <summary>Anonymous callers: the contract they read (the published lists only) and their limits.</summary>
    public DepartmentPolicy Public { get; set; } = new();

    /// <summary>Fair-use limits of each department that sets none of its own (the public has stricter ones).</summary>
    public UsageLimits Limits { get; set; } = new();

    /// <summary>Tokens the server issues to one enterprise for its own data tracker (contract
    /// <c>enterprise-self</c>).</summary>
    public EnterpriseTokens.EnterpriseTokenOptions EnterpriseTokens { get; set; } = new();
}
