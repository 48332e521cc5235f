using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ProductQuality.Graph.Tests.Infrastructure;

namespace ProductQuality.Graph.Tests.Receipts;

/// <summary>
/// A server signing receipts with the generated development key outside Development says so at start; one with
/// the bureau's configured key, or a developer's server, does not.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class ReceiptKeyWarningTests(GraphServerFactory factory)
{
    [Theory]
    [InlineData("Production", false, true)]
    [InlineData("Production", true, false)]
    [InlineData("Development", false, false)]
    public void The_development_receipt_key_outside_development_is_warned_about(
        string environment, bool configured, bool warned)
    {
        _ = factory.Services; // the shared server seeds the database first; this one reuses it
        var sink = new WarningSink();
        using var server = factory.WithWebHostBuilder(b =>
        {
            b.UseEnvironment(environment)
                .ConfigureTestServices(s => s.AddSingleton<ILoggerProvider>(sink));
            if (configured)
            {
                b.UseSetting("Receipts:SigningKey", ReceiptServer.NewKeyPem()).UseSetting("Receipts:KeyId", "k");
            }
        });
        _ = server.Services;

        var warning = sink.Messages.Where(m => m.Contains("development receipt key", StringComparison.Ordinal));
        Assert.Equal(warned ? 1 : 0, warning.Count());
    }
}
