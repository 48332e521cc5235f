namespace ProductQuality.Graph.Tests.Infrastructure;

/// <summary>One seeded server shared by every HTTP test class (seeding once keeps the suite fast).</summary>
[CollectionDefinition(Name)]
public sealed class ServerCollection : ICollectionFixture<GraphServerFactory>
{
    public const string Name = "server";
}
