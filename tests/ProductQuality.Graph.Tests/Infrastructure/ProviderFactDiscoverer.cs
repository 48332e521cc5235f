using Xunit.Abstractions;
using Xunit.Sdk;

namespace ProductQuality.Graph.Tests.Infrastructure;

/// <summary>
/// Discovers <see cref="ProviderFactAttribute"/> tests, skipping them in PostgreSQL classes without a server.
/// </summary>
public sealed class ProviderFactDiscoverer(IMessageSink diagnosticMessageSink) : FactDiscoverer(diagnosticMessageSink)
{
    public override IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions,
        ITestMethod testMethod, IAttributeInfo factAttribute) =>
        ProviderSkip.For(DiagnosticMessageSink, discoveryOptions, testMethod)
            ?? base.Discover(discoveryOptions, testMethod, factAttribute);
}
