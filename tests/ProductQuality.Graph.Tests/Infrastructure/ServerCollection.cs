namespace ProductQuality.Graph.Tests.Infrastructure;

/// <summary>
/// One seeded server per provider shared by every HTTP test class (seeding once keeps the suite fast). Both live in
/// one collection so tests can compare the providers' answers; the PostgreSQL one starts only when first used.
/// </summary>
[CollectionDefinition(Name)]
public sealed class ServerCollection : ICollectionFixture<GraphServerFactory>, ICollectionFixture<PostgresServerFactory>
{
    public const string Name = "server";
}
