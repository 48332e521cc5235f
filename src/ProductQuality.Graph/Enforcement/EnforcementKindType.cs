using ProductQuality.Graph.Rules.Timeline;
using ProductQuality.Graph.Schema.Enums;

namespace ProductQuality.Graph.Enforcement;

public sealed class EnforcementKindType() : DescribedEnumType<EnforcementKind>(
    "EnforcementKind",
    "Kind of enforcement decision (行政处罚/处理决定).",
    new Dictionary<EnforcementKind, string>
    {
        [EnforcementKind.UnlicensedProduction] =
            "Unlicensed production (无证生产); a serious violation: class C and blacklist eligibility.",
        [EnforcementKind.Counterfeiting] = "Counterfeiting (制假售假); a serious violation.",
        [EnforcementKind.IpInfringement] = "Intellectual-property infringement (侵犯知识产权); a serious violation.",
        [EnforcementKind.Penalty] = "Another administrative penalty (行政处罚); bars class AA and lowers the index.",
    });
