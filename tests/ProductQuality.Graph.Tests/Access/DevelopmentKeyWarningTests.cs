using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ProductQuality.Graph.Tests.Infrastructure;

namespace ProductQuality.Graph.Tests.Access;

/// <summary>
/// A server that signs with the development key outside the Development environment warns at start; a developer's
/// server (Development) does not.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class DevelopmentKeyWarningTests(GraphServerFactory factory)
{
    [Theory]
    [InlineData("Production", true)]
    [InlineData("Staging", true)]
    [InlineData("Development", false)]
    public void The_development_key_outside_development_is_warned_about_at_start(string environment, bool warned)
    {
        _ = factory.Services; // the shared server seeds the database first; this one reuses it
        var warnings = new WarningSink();
        using var server = factory.WithWebHostBuilder(b => b.UseEnvironment(environment)
            .ConfigureTestServices(s => s.AddSingleton<ILoggerProvider>(warnings)));
        _ = server.Services;

        var warning = warnings.Messages.Where(m => m.Contains("development key", StringComparison.Ordinal)).ToList();
        if (warned)
        {
            var message = Assert.Single(warning);
            Assert.Contains($"'{environment}'", message, StringComparison.Ordinal);
            Assert.Contains("Auth:Authority", message, StringComparison.Ordinal);
        }
        else
        {
            Assert.Empty(warning);
        }
    }
}
