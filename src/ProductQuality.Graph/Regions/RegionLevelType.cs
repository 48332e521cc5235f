using ProductQuality.Graph.Schema.Enums;

namespace ProductQuality.Graph.Regions;

public sealed class RegionLevelType() : DescribedEnumType<RegionLevel>(
    "RegionLevel",
    "Administrative level (行政区划级别) of a region.",
    new Dictionary<RegionLevel, string>
    {
        [RegionLevel.City] = "City (市): Jiaxing, 330400.",
        [RegionLevel.County] = "County-level division (县/市/区).",
        [RegionLevel.Subdistrict] = "Sub-district (街道).",
        [RegionLevel.Town] = "Town (镇).",
    });
