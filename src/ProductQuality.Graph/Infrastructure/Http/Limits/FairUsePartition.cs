using ProductQuality.Graph.Access;

namespace ProductQuality.Graph.Infrastructure.Http.Limits;

/// <summary>
/// Whose share of the server a request uses, for every fair-use limit alike: a department's, an enterprise token's
/// (one audience name, but each enterprise counted apart), or for the public, who has no identity, its address's
/// (behind a proxy, forward the client's address). <see cref="Who"/> names it in a refusal's message.
/// </summary>
internal readonly record struct FairUsePartition(string Key, string Who)
{
    public static FairUsePartition Of(HttpContext http, Audience audience)
    {
        ArgumentNullException.ThrowIfNull(audience);
        var key = audience.Rows.Enterprise is { } enterprise ? "enterprise:" + enterprise
            : audience.Department is { } department ? "department:" + department
            : AddressKey(http);
        // An enterprise token is counted per enterprise: its audience's name is its contract's, not a department
        // (a refusal said "department 'enterprise-self' may send …", as if every enterprise shared one count).
        var who = audience.Rows.Enterprise is { } one ? $"the enterprise token of {one}"
            : audience.Department is null ? "this address (anonymous)" : $"department '{audience.Department}'";
        return new FairUsePartition(key, who);
    }

    public static string AddressKey(HttpContext http) =>
        "public:" + (http.Connection.RemoteIpAddress?.ToString() ?? "unknown");
}
