namespace ProductQuality.Graph.Explorer.Map;

/// <summary>What the map's script needs to know, written into the page as JSON (see <see cref="MapPage"/>).</summary>
/// <param name="Endpoint">Where GraphQL is sent.</param>
/// <param name="AssetsPath">Where the script and style are served (the IDE's assets).</param>
/// <param name="SessionUrl">Who the token signs in as.</param>
/// <param name="BoundariesUrl">The configured GeoJSON boundaries; null for the schematic layout.</param>
/// <param name="CodeProperty">The boundary features' property holding the region code.</param>
internal sealed record MapSettings(
    string Endpoint, string AssetsPath, string SessionUrl, string? BoundariesUrl, string CodeProperty);
