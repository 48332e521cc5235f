using System.ComponentModel.DataAnnotations;

namespace ProductQuality.Graph.Rules.Enterprises;

/// <summary>Thresholds of the enterprise class (企业分类) and of the upgrade/downgrade principle (升降原则).</summary>
public sealed class EnterpriseClassOptions
{
    /// <summary>Years of supervision sampling (监督抽查) the class looks back on.</summary>
    [Range(1, 10)]
    public int SamplingWindowYears { get; set; } = 3;

    /// <summary>Failed samplings in the window that make an enterprise class C.</summary>
    [Range(1, 100)]
    public int FailuresForC { get; set; } = 2;

    /// <summary>Samplings without failure in the window that class AA needs at least.</summary>
    [Range(0, 100)]
    public int MinSamplingsForAA { get; set; } = 3;

    /// <summary>Months since the last downgrade before an upgrade may take effect.</summary>
    [Range(0, 120)]
    public int UpgradeWaitMonths { get; set; } = 12;
}
