namespace ProductQuality.Graph.Access.Tokens;

/// <summary>The token of an Authorization value, "Bearer &lt;token&gt;" (the scheme in any case, RFC 6750).</summary>
internal static class BearerToken
{
    private const string Scheme = "Bearer ";

    /// <summary>The token, trimmed (empty for "Bearer " alone), or null when the value is not a bearer one.</summary>
    public static string? Of(string? authorization) =>
        authorization is not null && authorization.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase)
            ? authorization[Scheme.Length..].Trim()
            : null;
}
