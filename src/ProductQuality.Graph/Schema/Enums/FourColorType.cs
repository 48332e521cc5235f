using ProductQuality.Graph.Rules.Common;

namespace ProductQuality.Graph.Schema.Enums;

public sealed class FourColorType() : DescribedEnumType<FourColor>(
    "FourColor",
    "Four-colour risk scale (四色) of health codes (健康码), the map (四色图) and regions (区域分色). Red is the most risk.",
    new Dictionary<FourColor, string>
    {
        [FourColor.Red] = "Red (红): highest risk; supervised quarterly.",
        [FourColor.Yellow] = "Yellow (黄): elevated risk; supervised half-yearly.",
        [FourColor.Blue] = "Blue (蓝): moderate risk; supervised yearly.",
        [FourColor.Green] = "Green (绿): low risk; random sampling every two years.",
    });
