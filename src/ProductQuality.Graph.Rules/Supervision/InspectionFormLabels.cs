namespace ProductQuality.Graph.Rules.Supervision;

/// <summary>The bilingual names of the inspection forms, as explanations print them.</summary>
public static class InspectionFormLabels
{
    /// <summary>E.g. "on-site check (现场检查)".</summary>
    public static string Label(this InspectionForm form) => form switch
    {
        InspectionForm.Sampling => "sampling (监督抽查)",
        InspectionForm.OnSiteCheck => "on-site check (现场检查)",
        InspectionForm.QmsAudit => "quality management system audit (质量管理体系审核)",
        _ => throw new ArgumentOutOfRangeException(nameof(form), form, null),
    };
}
