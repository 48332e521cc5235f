namespace ProductQuality.Graph.Tests.Infrastructure;

/// <summary>
/// Marks a test class whose inherited <see cref="ProviderFactAttribute"/> / <see cref="ProviderTheoryAttribute"/>
/// tests run against PostgreSQL, so they skip or run exactly like <see cref="PostgresFactAttribute"/> tests.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class OnPostgresAttribute : Attribute;
