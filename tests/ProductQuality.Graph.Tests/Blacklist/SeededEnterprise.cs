namespace ProductQuality.Graph.Tests.Blacklist;

/// <summary>What the database says of a seeded enterprise, to compare answers with.</summary>
public sealed record SeededEnterprise(
    string CreditCode, string CountyCode, bool Blacklisted, DateOnly? BlacklistedSince, bool Assured);
