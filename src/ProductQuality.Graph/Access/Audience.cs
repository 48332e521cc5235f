namespace ProductQuality.Graph.Access;

/// <summary>
/// Who is asking: the department (null for the anonymous public), the contract its schema is built from, and the
/// rows it may read.
/// </summary>
public sealed record Audience(string? Department, SchemaContract Contract, RowScope Rows)
{
    /// <summary>
    /// The token's subject (the officer or system), for "recorded by" stamps on writes; null for the public.
    /// </summary>
    public string? Subject { get; init; }

    /// <summary>Whether its requests must declare a purpose (<c>X-Purpose</c>); see <c>RequirePurpose</c>.</summary>
    public bool PurposeRequired { get; init; }
}
