namespace ProductQuality.Graph.Enterprises;

/// <summary>Kind of licence or certificate an enterprise holds for a product.</summary>
public enum LicenceKind
{
    /// <summary>Industrial product production licence (工业产品生产许可证).</summary>
    ProductionLicence,

    /// <summary>China Compulsory Certification (CCC 强制性产品认证).</summary>
    CccCertificate,
}
