using ProductQuality.Graph.Rules.Common;

namespace ProductQuality.Graph.Schema.Enums;

public sealed class EnterpriseClassType() : DescribedEnumType<EnterpriseClass>(
    "EnterpriseClass",
    "Enterprise class (企业分类), from the last three years of supervision sampling, traceability and quality "
        + "management. AA is best.",
    new Dictionary<EnterpriseClass, string>
    {
        [EnterpriseClass.AA] = "AA (AA类): no failure in 3 years over at least 3 samplings, certified QMS, full "
            + "traceability. Credit-based supervision (信用监管).",
        [EnterpriseClass.A] =
            "A (A类): no failure in 3 years, a QMS, at least partial traceability. Responsibility supervision (责任监管).",
        [EnterpriseClass.B] = "B (B类): one failure in 3 years, or gaps in traceability or QMS, or no sampling history. "
            + "Routine supervision (常态监管).",
        [EnterpriseClass.C] =
            "C (C类): blacklisted, repeated failures or serious violations. Stricter supervision (加严监管).",
    });
