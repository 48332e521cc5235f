using System.Net.Http.Headers;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using ProductQuality.Graph.Access.Tokens;
using ProductQuality.Graph.Tests.Infrastructure;

namespace ProductQuality.Graph.Tests.Receipts;

/// <summary>
/// The shared seeded server under a receipt key of the test's own (and retired keys), as an operator configures it:
/// PEM text in Receipts:SigningKey, its kid, and the public halves of earlier keys.
/// </summary>
public static class ReceiptServer
{
    public static string NewKeyPem()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        return key.ExportPkcs8PrivateKeyPem();
    }

    public static string PublicPem(string privatePem)
    {
        using var key = ECDsa.Create();
        key.ImportFromPem(privatePem);
        return key.ExportSubjectPublicKeyInfoPem();
    }

    public static WebApplicationFactory<Program> With(
        TestServerFactory factory, string pem, string kid, params (string Kid, string PublicPem)[] retired)
    {
        _ = factory.Services; // the shared server seeds the database first; this one reuses it
        return factory.WithWebHostBuilder(b =>
        {
            b.UseSetting("Receipts:SigningKey", pem).UseSetting("Receipts:KeyId", kid);
            foreach (var (old, publicPem) in retired)
            {
                b.UseSetting($"Receipts:RetiredKeys:{old}", publicPem);
            }
        });
    }

    public static HttpClient ClientFor(WebApplicationFactory<Program> server, string department)
    {
        var client = server.CreateClient();
        var token = server.Services.GetRequiredService<DevelopmentTokenIssuer>()
            .Issue(department, "test", TimeSpan.FromMinutes(10));
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
