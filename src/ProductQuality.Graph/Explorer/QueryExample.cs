using System.Text.Json;

namespace ProductQuality.Graph.Explorer;

/// <summary>One example document of a contract, as the IDE opens it in a tab.</summary>
/// <param name="Contract">The contract whose readers it is written for.</param>
/// <param name="Name">The file name without extension, e.g. <c>01-status-by-credit-code</c>.</param>
/// <param name="Title">The document's leading comment.</param>
/// <param name="Query">The GraphQL document.</param>
/// <param name="Variables">The variables it runs with; null when it takes none.</param>
/// <param name="CityOnly">
/// Whether only a city-wide department may run it (a line <c>#! city-only</c>): a write the city bureau alone makes,
/// such as a product tier's, is not offered to a county bureau, which would get OUT_OF_JURISDICTION.
/// </param>
public sealed record QueryExample(
    string Contract, string Name, string Title, string Query, JsonElement? Variables, bool CityOnly = false);
