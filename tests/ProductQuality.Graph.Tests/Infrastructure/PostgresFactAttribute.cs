namespace ProductQuality.Graph.Tests.Infrastructure;

/// <summary>
/// A fact that needs PostgreSQL: skipped locally without <c>PQG_TEST_POSTGRES</c>, run (and failing) in CI.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PostgresFactAttribute : FactAttribute
{
    // xunit 2 has no dynamic skip: the attribute decides when tests are discovered.
    public PostgresFactAttribute() => Skip = PostgresTestServer.SkipReason;
}
