using Microsoft.Extensions.Options;
using ProductQuality.Graph.Infrastructure;

namespace ProductQuality.Graph.Explorer.Map;

/// <summary>
/// The four-colour map at <c>/map</c>: a page that asks the GraphQL endpoint with the viewer's own token, so the
/// contract and row scope decide what it shows (a county bureau sees its county); its script and style are the
/// IDE's embedded assets; an optional boundary file at <c>/map/boundaries.geojson</c>.
/// </summary>
internal static class MapRegistration
{
    public const string PagePath = "/map";
    public const string BoundariesPath = "/map/boundaries.geojson";

    public static void AddFourColourMapPage(this IHostApplicationBuilder builder)
    {
        builder.AddCheckedOptions<MapOptions>(MapOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<MapOptions>, Validation>();
        builder.Services.AddSingleton<MapBoundaries>();
    }

    public static void MapFourColourMapPage(this WebApplication app, IdeSettings ide)
    {
        var boundaries = app.Services.GetRequiredService<MapBoundaries>();
        var settings = new MapSettings(ide.Endpoint, ide.AssetsPath, ide.SessionUrl,
            boundaries.Content is null ? null : BoundariesPath,
            app.Services.GetRequiredService<IOptions<MapOptions>>().Value.CodeProperty);
        app.MapGet(PagePath, (HttpContext http) => MapPage.WriteAsync(http, settings));
        if (boundaries.Content is { } content)
        {
            app.MapGet(BoundariesPath, () => Results.Bytes(content, "application/geo+json"));
        }
    }

    private sealed class Validation(IHostEnvironment environment) : IValidateOptions<MapOptions>
    {
        public ValidateOptionsResult Validate(string? name, MapOptions options)
        {
            if (string.IsNullOrWhiteSpace(options.CodeProperty))
            {
                return ValidateOptionsResult.Fail($"Setting {MapOptions.Section}:CodeProperty is empty: name the "
                    + "GeoJSON feature property that holds the region code (e.g. code).");
            }

            if (string.IsNullOrWhiteSpace(options.BoundariesFile))
            {
                return ValidateOptionsResult.Success;
            }

            var path = Path.GetFullPath(options.BoundariesFile, environment.ContentRootPath);
            return MapBoundaries.Problem(path, options.CodeProperty) is { } problem
                ? ValidateOptionsResult.Fail(
                    $"Setting {MapOptions.Section}:BoundariesFile is '{options.BoundariesFile}', which {problem}. "
                    + "Give a GeoJSON FeatureCollection of region polygons, or leave it empty for the schematic "
                    + "layout.")
                : ValidateOptionsResult.Success;
        }
    }
}
