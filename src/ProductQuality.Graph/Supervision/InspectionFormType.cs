using ProductQuality.Graph.Rules.Supervision;
using ProductQuality.Graph.Schema.Enums;

namespace ProductQuality.Graph.Supervision;

/// <summary>The forms of inspection a plan entry asks for.</summary>
public sealed class InspectionFormType() : DescribedEnumType<InspectionForm>(
    "InspectionForm",
    "Form of a supervision inspection (监督检查形式), set by the enterprise class and its riskiest product.",
    new Dictionary<InspectionForm, string>
    {
        [InspectionForm.Sampling] = "Supervision sampling (监督抽查) of its products: every planned inspection.",
        [InspectionForm.OnSiteCheck] = "On-site check (现场检查) of production: class C and makers of HIGH products.",
        [InspectionForm.QmsAudit] = "Quality management system audit (质量管理体系审核): class C.",
    });
