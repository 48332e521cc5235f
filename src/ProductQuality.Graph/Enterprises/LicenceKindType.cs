using ProductQuality.Graph.Schema.Enums;

namespace ProductQuality.Graph.Enterprises;

public sealed class LicenceKindType() : DescribedEnumType<LicenceKind>(
    "LicenceKind",
    "Kind of licence or certificate.",
    new Dictionary<LicenceKind, string>
    {
        [LicenceKind.ProductionLicence] = "Industrial product production licence (工业产品生产许可证).",
        [LicenceKind.CccCertificate] = "China Compulsory Certification certificate (CCC 证书).",
    });
