namespace ProductQuality.Graph.Rules.Common;

/// <summary>
/// Enterprise class (企业分类), AA best. The numeric value grows with severity so that
/// classes compare with <see cref="SeverityExtensions.IsWorseThan(EnterpriseClass, EnterpriseClass)"/>.
/// </summary>
public enum EnterpriseClass
{
    /// <summary>Class AA (AA类): the best; credit-based supervision (信用监管).</summary>
    AA = 0,

    /// <summary>Class A (A类): responsibility supervision (责任监管).</summary>
    A = 1,

    /// <summary>Class B (B类): routine supervision (常态监管); also the class of a newcomer.</summary>
    B = 2,

    /// <summary>Class C (C类): the worst; intensified supervision (加严监管).</summary>
    C = 3,
}
