using System.ComponentModel;

namespace ProductQuality.Graph.Inspections;

/// <summary>One failed test item of a sampling being recorded.</summary>
[Description("A failed test item (不合格项目) of a sampling.")]
public sealed class FailedItemInput
{
    [Description("The test item as the report names it, e.g. 导体电阻 (at most 256 characters).")]
    public string Name { get; init; } = "";

    [Description("True when it is a safety item (安全项目); a failed safety item weighs more in the class and index.")]
    public bool SafetyItem { get; init; }
}
