using ProductQuality.Graph.Tests.Infrastructure;

namespace ProductQuality.Graph.Tests.Changes;

/// <summary>
/// A writable server of the feed tests' own: what its feed holds is only what these tests wrote, in their order.
/// </summary>
public sealed class ChangeFeedServerFactory : GraphServerFactory;

[CollectionDefinition(Name)]
public sealed class ChangeFeedServerCollection : ICollectionFixture<ChangeFeedServerFactory>
{
    public const string Name = "change feed server";
}
