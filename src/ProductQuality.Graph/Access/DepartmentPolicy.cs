namespace ProductQuality.Graph.Access;

/// <summary>
/// One department (or the public): who it is, the contract it reads through and, for county bureaus, the county
/// its rows are limited to. What it may read is the contract's; which rows and how much are its own.
/// </summary>
public sealed class DepartmentPolicy
{
    /// <summary>Human name, e.g. "Haining county bureau (海宁市局)".</summary>
    public string? Name { get; set; }

    /// <summary>The name of the contract it uses, a key of <c>Access:Contracts</c> (e.g. <c>regulator</c>).</summary>
    public string? Contract { get; set; }

    /// <summary>Row scope: the county code (3304xx) whose enterprises it may see; null for the whole city.</summary>
    public string? County { get; set; }

    /// <summary>
    /// Whether each request must declare why it asks (the <c>X-Purpose</c> header, recorded in the access log);
    /// without one it is refused with 403 PURPOSE_REQUIRED.
    /// </summary>
    public bool RequirePurpose { get; set; }

    /// <summary>
    /// Its cost budget and request rate, where they differ from <c>Access:Limits</c>. Per department, not per
    /// contract: the rate is counted per department, and one county bureau's load is tuned without touching the
    /// contract its peers share.
    /// </summary>
    public UsageLimits? Limits { get; set; }
}
