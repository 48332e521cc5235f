using ProductQuality.Graph.Rules.Blacklist;

namespace ProductQuality.Graph.Blacklist;

/// <summary>What a blacklist check found for one known enterprise (on the day asked about).</summary>
public sealed record BlacklistStanding(
    string Name,
    bool Blacklisted,
    DateOnly? BlacklistedSince,
    BlacklistReason? ReasonCategory,
    bool Assured,
    DateOnly? AssuredUntil);
