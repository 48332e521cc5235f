using Xunit.Abstractions;
using Xunit.Sdk;

namespace ProductQuality.Graph.Tests.Infrastructure;

/// <summary>
/// The shared decision of the provider discoverers: a skipped test case, or null to discover as usual.
/// </summary>
internal static class ProviderSkip
{
    public static IXunitTestCase[]? For(IMessageSink sink, ITestFrameworkDiscoveryOptions options, ITestMethod method)
    {
        var onPostgres = method.TestClass.Class.GetCustomAttributes(typeof(OnPostgresAttribute).AssemblyQualifiedName)
            .Any();
        return onPostgres && PostgresTestServer.SkipReason is { } reason
            ? [new XunitSkippedDataRowTestCase(sink, options.MethodDisplayOrDefault(),
                options.MethodDisplayOptionsOrDefault(), method, reason)]
            : null;
    }
}
