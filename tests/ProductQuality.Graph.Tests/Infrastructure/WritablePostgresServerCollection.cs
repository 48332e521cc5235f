namespace ProductQuality.Graph.Tests.Infrastructure;

/// <summary>Write tests on PostgreSQL: one writable PostgreSQL server, started only when a test runs.</summary>
[CollectionDefinition(Name)]
public sealed class WritablePostgresServerCollection : ICollectionFixture<WritablePostgresServerFactory>
{
    public const string Name = "writable PostgreSQL server";
}
