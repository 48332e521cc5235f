namespace ProductQuality.Graph.Access;

/// <summary>The access policy as data (configuration section <c>Access</c>); the default matrix of ACCESS.md ships in appsettings.json.</summary>
public sealed class AccessOptions
{
    public const string Section = "Access";

    /// <summary>Policies by department id, the <c>dept</c> claim of its tokens (e.g. <c>finance</c>, <c>samr-330481</c>).</summary>
    public Dictionary<string, DepartmentPolicy> Departments { get; set; } = [];

    /// <summary>What anonymous callers see: the published lists only.</summary>
    public DepartmentPolicy Public { get; set; } = new();

    /// <summary>Fair-use limits of each department that sets none of its own (the public has stricter ones).</summary>
    public UsageLimits Limits { get; set; } = new();
}
