namespace ProductQuality.Graph.Bench.Load;

/// <summary>The GraphQL documents under test, sent as a partner system would (document plus variables).</summary>
internal static class Queries
{
    /// <summary>
    /// The status of one enterprise: identity, class, health, listings, products and the 3 latest inspections.
    /// </summary>
    public const string Status = """
        query Status($code: String!) {
          enterprise(creditCode: $code) {
            creditCode name class classEffectiveFrom healthCode mapColour qualityIndex
            blacklisted blacklistedSince assured assuredUntil
            products { code name tier }
            inspections(limit: 3) { reportNumber sampledOn passed failedItems { name safetyItem } }
          }
        }
        """;

    /// <summary>
    /// The same status as it stood on a past day (<c>asOf</c>): state restored from the histories known then.
    /// </summary>
    public const string StatusAsOf = """
        query StatusAsOf($code: String!, $day: Date!) {
          enterprise(creditCode: $code, asOf: $day) {
            creditCode name class classEffectiveFrom healthCode mapColour qualityIndex
            blacklisted blacklistedSince assured assuredUntil
            products { code name tier }
            inspections(limit: 3) { reportNumber sampledOn passed failedItems { name safetyItem } }
          }
        }
        """;

    /// <summary>A page of 100 enterprises of a county, name order, with their products.</summary>
    public const string Page = """
        query Page($county: String!) {
          enterprises(first: 100, filter: { countyCode: $county }) {
            edges { node { creditCode name class healthCode products { code name tier } } }
          }
        }
        """;

    /// <summary>The page with each enterprise's latest inspection: the per-enterprise limit is cut in SQL.</summary>
    public const string PageLatest = """
        query PageLatest($county: String!) {
          enterprises(first: 100, filter: { countyCode: $county }) {
            edges { node {
              creditCode name class healthCode products { code name tier }
              inspections(limit: 1) { reportNumber sampledOn passed failedItems { name safetyItem } }
            } }
          }
        }
        """;

    /// <summary>
    /// The cheapest valid request: what parsing, validation, execution and transport cost with no data at all.
    /// </summary>
    public const string Typename = "{ __typename }";
}
