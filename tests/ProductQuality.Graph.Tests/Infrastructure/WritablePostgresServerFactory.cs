namespace ProductQuality.Graph.Tests.Infrastructure;

/// <summary>A PostgreSQL server of its own for tests that write (see <see cref="WritableServerFactory"/>).</summary>
public sealed class WritablePostgresServerFactory : PostgresServerFactory;
