using ProductQuality.Graph.Schema.Enums;

namespace ProductQuality.Graph.Signals;

public sealed class RiskSignalSourceType() : DescribedEnumType<RiskSignalSource>(
    "RiskSignalSource",
    "Where an external risk signal (国内外风险预警/召回) comes from.",
    new Dictionary<RiskSignalSource, string>
    {
        [RiskSignalSource.SamrRecall] = "SAMR defective-product recall (国家市场监督管理总局缺陷产品召回); domestic.",
        [RiskSignalSource.ProvincialMonitoring] = "Provincial product-quality risk monitoring (省级产品质量安全风险监测); "
            + "domestic.",
        [RiskSignalSource.EuSafetyGate] = "EU Safety Gate, formerly RAPEX (欧盟安全门); foreign.",
        [RiskSignalSource.UsCpsc] = "US Consumer Product Safety Commission recall (美国消费品安全委员会); foreign.",
        [RiskSignalSource.AustraliaAccc] = "Australia's ACCC Product Safety recall (澳大利亚竞争与消费者委员会); foreign.",
        [RiskSignalSource.OecdGlobalRecalls] = "OECD GlobalRecalls portal (经合组织全球召回门户); international.",
    });
