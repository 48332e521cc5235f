using Xunit.Sdk;

namespace ProductQuality.Graph.Tests.Infrastructure;

/// <summary>
/// A theory shared by the SQLite and PostgreSQL subclasses of a test class (see <see cref="ProviderFactAttribute"/>).
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
[XunitTestCaseDiscoverer("ProductQuality.Graph.Tests.Infrastructure.ProviderTheoryDiscoverer",
    "ProductQuality.Graph.Tests")]
public sealed class ProviderTheoryAttribute : TheoryAttribute;
