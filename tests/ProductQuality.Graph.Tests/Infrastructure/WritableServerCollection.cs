namespace ProductQuality.Graph.Tests.Infrastructure;

/// <summary>The write tests' collection: one writable server, separate from <see cref="ServerCollection"/>.</summary>
[CollectionDefinition(Name)]
public sealed class WritableServerCollection : ICollectionFixture<WritableServerFactory>
{
    public const string Name = "writable server";
}
