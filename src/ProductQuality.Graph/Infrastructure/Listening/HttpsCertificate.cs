using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace ProductQuality.Graph.Infrastructure.Listening;

/// <summary>
/// Whether Kestrel will find a certificate for an https address given without one: a certificate in its settings
/// (<c>Kestrel:Certificates</c>), else the ASP.NET Core development certificate in the user's store, the one
/// <c>dotnet dev-certs https</c> creates. Without either it failed at bind time, after the database was migrated.
/// </summary>
internal static class HttpsCertificate
{
    /// <summary>The extension that marks the development certificate (Kestrel looks for the same).</summary>
    private const string DevelopmentCertificateOid = "1.3.6.1.4.1.311.84.1.1";

    public const string Remedy = "set Kestrel:Certificates:Default:Path (with :KeyPath or :Password), create the "
        + "development certificate with 'dotnet dev-certs https', or listen on http behind a proxy that holds one";

    /// <summary>
    /// False only when Kestrel would surely find none: a development certificate that is there but one Kestrel
    /// refuses still fails at bind time, and is said then (<see cref="ListenFailureException"/>).
    /// </summary>
    public static bool Available(IConfiguration configuration) =>
        configuration.GetSection("Kestrel:Certificates").GetChildren().Any() || DevelopmentCertificateInStore();

    private static bool DevelopmentCertificateInStore()
    {
        try
        {
            using var store = new X509Store(StoreName.My, StoreLocation.CurrentUser);
            store.Open(OpenFlags.ReadOnly | OpenFlags.OpenExistingOnly);
            var now = DateTime.Now;
            var found = false;
            foreach (var certificate in store.Certificates)
            {
                using (certificate)
                {
                    found |= certificate.NotBefore <= now && now <= certificate.NotAfter
                        && certificate.Extensions.Any(e => e.Oid?.Value == DevelopmentCertificateOid);
                }
            }

            return found;
        }
        catch (CryptographicException)
        {
            // No store (~/.dotnet/corefx/cryptography/x509stores/my on Linux): no certificate in it either.
            return false;
        }
    }
}
