namespace ProductQuality.Graph.Rules.Supervision;

/// <summary>
/// The form of a supervision inspection (监督检查形式). The seed document has the bureaus vary "frequency and form"
/// (频次和形式) by class; these are the forms its supervision modes use.
/// </summary>
public enum InspectionForm
{
    /// <summary>Supervision sampling (监督抽查): every planned inspection samples the enterprise's products.</summary>
    Sampling = 0,

    /// <summary>On-site check (现场检查) of production conditions, added by intensified supervision (加严监管).</summary>
    OnSiteCheck = 1,

    /// <summary>Audit of the quality management system (质量管理体系审核), added for class C.</summary>
    QmsAudit = 2,
}
