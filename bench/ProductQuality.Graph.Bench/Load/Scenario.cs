using System.Text.Json;

namespace ProductQuality.Graph.Bench.Load;

/// <summary>
/// One kind of request under load. <see cref="Create"/> makes the n-th request (rotating over the keys);
/// <see cref="Verify"/> checks a sampled response body and returns what is wrong, or null.
/// </summary>
internal sealed record Scenario(
    string Name,
    string Pair,
    bool IsGraphQL,
    Func<long, HttpRequestMessage> Create,
    Func<long, JsonElement, string?> Verify);
