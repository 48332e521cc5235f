namespace ProductQuality.Graph.Rules.Common;

/// <summary>The four colours (四色) of health codes, map points and regions; red = most risk, sorted first.</summary>
public enum FourColor
{
    /// <summary>Red (红色): most risk.</summary>
    Red = 0,

    /// <summary>Yellow (黄色).</summary>
    Yellow = 1,

    /// <summary>Blue (蓝色).</summary>
    Blue = 2,

    /// <summary>Green (绿色): least risk.</summary>
    Green = 3,
}
