using ProductQuality.Graph.Schema.Enums;

namespace ProductQuality.Graph.Regions;

public sealed class MapLevelType() : DescribedEnumType<MapLevel>(
    "MapLevel",
    "Level of a four-colour map (四色图).",
    new Dictionary<MapLevel, string>
    {
        [MapLevel.County] = "The city's county-level divisions (县/市/区).",
        [MapLevel.Town] = "Towns and sub-districts (镇/街道), of one county or of the whole city.",
    });
