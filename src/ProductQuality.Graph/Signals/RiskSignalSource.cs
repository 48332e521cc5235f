namespace ProductQuality.Graph.Signals;

/// <summary>Where an external risk signal comes from: domestic regulators, foreign and international portals.</summary>
public enum RiskSignalSource
{
    /// <summary>SAMR's defective-product recalls (国家市场监督管理总局缺陷产品召回).</summary>
    SamrRecall,

    /// <summary>Provincial product-quality risk monitoring (省级产品质量安全风险监测).</summary>
    ProvincialMonitoring,

    /// <summary>The EU Safety Gate (formerly RAPEX, 欧盟非食品类快速预警系统).</summary>
    EuSafetyGate,

    /// <summary>The US Consumer Product Safety Commission's recalls (美国消费品安全委员会).</summary>
    UsCpsc,

    /// <summary>Australia's ACCC Product Safety recalls (澳大利亚竞争与消费者委员会).</summary>
    AustraliaAccc,

    /// <summary>The OECD GlobalRecalls portal (经合组织全球召回门户).</summary>
    OecdGlobalRecalls,
}
