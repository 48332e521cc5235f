namespace ProductQuality.Graph.Access;

/// <summary>
/// Who is asking: the department (null for the anonymous public), the contract its schema is built from,
/// and the county its rows are limited to (null: the whole city).
/// </summary>
public sealed record Audience(string? Department, SchemaContract Contract, string? CountyScope)
{
    /// <summary>The token's subject (the officer or system), for "recorded by" stamps on writes; null for the public.</summary>
    public string? Subject { get; init; }
}
