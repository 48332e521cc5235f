using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using ProductQuality.Graph.Tests.Infrastructure;

namespace ProductQuality.Graph.Tests.Explorer;

/// <summary>
/// The four-colour map page at <c>/map</c>: served by the server itself with a policy that allows only this origin,
/// loading nothing from elsewhere, drawing a schematic layout unless a GeoJSON boundary file is configured, which is
/// then checked at start and served as it was read.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed partial class MapPageTests(GraphServerFactory factory)
{
    private const string Boundaries = """
        {"type":"FeatureCollection","features":[
          {"type":"Feature","properties":{"adcode":"330402","name":"南湖区"},
           "geometry":{"type":"Polygon","coordinates":[[[120.7,30.7],[120.9,30.7],[120.9,30.8],[120.7,30.7]]]}}]}
        """;

    [Fact]
    public async Task The_map_page_allows_only_this_origin_and_loads_nothing_from_elsewhere()
    {
        using var client = factory.CreateClient();
        using var page = await client.GetAsync("/map");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType!.MediaType);
        var policy = string.Join(";", page.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", policy, StringComparison.Ordinal);
        Assert.Contains("connect-src 'self'", policy, StringComparison.Ordinal);
        var html = await page.Content.ReadAsStringAsync();
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        var urls = AssetReference().Matches(html).Select(m => m.Groups["url"].Value)
            .Where(u => !u.StartsWith("data:", StringComparison.Ordinal) && u != "/graphql").ToList();
        Assert.Equal(["/graphql/ide/map.css", "/graphql/ide/map.js"], urls.Order(StringComparer.Ordinal));
        foreach (var url in urls)
        {
            using var asset = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, asset.StatusCode);
            Assert.DoesNotMatch(RemoteUrl(), await asset.Content.ReadAsStringAsync());
        }

        Assert.Equal(JsonValueKind.Null, Settings(html).GetProperty("boundariesUrl").ValueKind);
        using var none = await client.GetAsync("/map/boundaries.geojson");
        Assert.Equal(HttpStatusCode.NotFound, none.StatusCode);
    }

    [Fact]
    public async Task A_configured_boundary_file_is_offered_to_the_page_and_served_as_read()
    {
        var file = Path.Combine(Path.GetTempPath(), $"pq-boundaries-{Guid.NewGuid():N}.geojson");
        await File.WriteAllTextAsync(file, Boundaries);
        try
        {
            using var server = factory.WithWebHostBuilder(b => b
                .UseSetting("Map:BoundariesFile", file).UseSetting("Map:CodeProperty", "adcode"));
            using var client = server.CreateClient();
            var settings = Settings(await client.GetStringAsync("/map"));
            Assert.Equal("/map/boundaries.geojson", settings.GetProperty("boundariesUrl").GetString());
            Assert.Equal("adcode", settings.GetProperty("codeProperty").GetString());
            using var served = await client.GetAsync("/map/boundaries.geojson");
            Assert.Equal("application/geo+json", served.Content.Headers.ContentType!.MediaType);
            Assert.Equal(Boundaries, await served.Content.ReadAsStringAsync());
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static JsonElement Settings(string html)
    {
        var json = SettingsBlock().Match(html).Groups["json"].Value;
        return JsonDocument.Parse(json).RootElement.Clone();
    }

    [GeneratedRegex("""(?:src|href)="(?<url>[^"]+)" """, RegexOptions.IgnorePatternWhitespace)]
    private static partial Regex AssetReference();

    [GeneratedRegex(
        """<script type="application/json" id="map-settings">(?<json>.*?)</script>""", RegexOptions.Singleline)]
    private static partial Regex SettingsBlock();

    /// <summary>
    /// An address on another host a script could load from (the SVG namespace is a name, not a load).
    /// </summary>
    [GeneratedRegex("""https?://(?!www\.w3\.org/2000/svg)""")]
    private static partial Regex RemoteUrl();
}
