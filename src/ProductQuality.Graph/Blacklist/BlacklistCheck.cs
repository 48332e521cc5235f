namespace ProductQuality.Graph.Blacklist;

/// <summary>One bulk blacklist check (黑名单核查) as answered: its id, when, about which day, one result per code.</summary>
public sealed record BlacklistCheck(
    Guid CheckId,
    DateTimeOffset CheckedAt,
    DateOnly? AsOf,
    IReadOnlyList<BlacklistCheckResult> Results)
{
    /// <summary>The signed receipt (compact JWS) of the check; set once the answers are final.</summary>
    public string? Receipt { get; init; }
}
