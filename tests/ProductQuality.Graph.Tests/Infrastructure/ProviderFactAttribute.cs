using Xunit.Sdk;

namespace ProductQuality.Graph.Tests.Infrastructure;

/// <summary>
/// A fact shared by the SQLite and PostgreSQL subclasses of a test class. An attribute cannot see the class it is
/// inherited into, so the discoverer decides: in an <see cref="OnPostgresAttribute"/> class it skips when no server is
/// set.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
[XunitTestCaseDiscoverer("ProductQuality.Graph.Tests.Infrastructure.ProviderFactDiscoverer",
    "ProductQuality.Graph.Tests")]
public sealed class ProviderFactAttribute : FactAttribute;
