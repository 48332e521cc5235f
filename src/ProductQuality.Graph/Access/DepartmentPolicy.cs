namespace ProductQuality.Graph.Access;

/// <summary>One department's policy: its access per field group and, for county bureaus, the county its rows are limited to.</summary>
public sealed class DepartmentPolicy
{
    /// <summary>Human name, e.g. "Haining county bureau (海宁市局)".</summary>
    public string? Name { get; set; }

    /// <summary>Access per field group; a group not listed is hidden (deny by default).</summary>
    public Dictionary<FieldGroup, FieldAccess> Groups { get; set; } = [];

    /// <summary>Row scope: the county code (3304xx) whose enterprises it may see; null for the whole city.</summary>
    public string? County { get; set; }

    /// <summary>Its cost budget and request rate, where they differ from <c>Access:Limits</c>.</summary>
    public UsageLimits? Limits { get; set; }
}
