using Xunit.Abstractions;
using Xunit.Sdk;

namespace ProductQuality.Graph.Tests.Infrastructure;

/// <summary>
/// Discovers <see cref="ProviderTheoryAttribute"/> tests, skipping them in PostgreSQL classes without a server.
/// </summary>
public sealed class ProviderTheoryDiscoverer(IMessageSink diagnosticMessageSink)
    : TheoryDiscoverer(diagnosticMessageSink)
{
    public override IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions,
        ITestMethod testMethod, IAttributeInfo theoryAttribute) =>
        ProviderSkip.For(DiagnosticMessageSink, discoveryOptions, testMethod)
            ?? base.Discover(discoveryOptions, testMethod, theoryAttribute);
}
